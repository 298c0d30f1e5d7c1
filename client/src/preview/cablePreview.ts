/**
 * One Cable Preview: a webview panel showing one cable file for reading, as the server describes it
 * (`cable/preview`). It asks again a moment after each edit, when the workspace's cables or the acronym settings
 * change and when the server restarts; it scrolls with the source editor both ways; a click on a cited cable opens
 * that cable, a double click opens the source at the line.
 */
import * as vscode from 'vscode';
import { PREVIEW_REQUEST, type PreviewDocument, type PreviewParams } from '../../../shared/previewProtocol';
import type { ServerController } from '../serverController';
import { citationTarget, renderPreviewBody, renderPreviewMessage, renderPreviewPage } from './previewHtml';

export const PREVIEW_VIEW_TYPE = 'cable.preview';

/** How long after the last keystroke the preview asks again. */
const UPDATE_DELAY_MS = 250;
/** Editor scroll events this soon after the preview moved the editor are the echo of that move. */
const ECHO_MS = 400;

/** What the page's script may send; anything else is ignored. */
type WebviewMessage =
  { type: 'ready' } | { type: 'revealLine'; line: number } | { type: 'openCitation'; key: string } | { type: 'openSource'; line: number };

export class CablePreview implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: Array<() => void> = [];
  /** The preview document on show, for the citations its links name. */
  private shown: PreviewDocument | undefined;
  private html: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older requests than the last one shown are dropped. */
  private requests = 0;
  private shownRequest = 0;
  private ignoreEditorScrollUntil = 0;
  /** The source line the first content is to show at its top (the editor's, when the page loaded). */
  private pendingLine: number | undefined;
  private disposed = false;

  constructor(
    readonly uri: vscode.Uri,
    column: vscode.ViewColumn,
    preserveFocus: boolean,
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerController,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(uri),
      { viewColumn: column, preserveFocus },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
      },
    );
    this.panel.webview.html = this.page();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.uri.toString()) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('cable.acronyms', this.uri)) this.scheduleUpdate();
      }),
    );
  }

  /** Shows the panel (it may be in another group, or hidden behind other tabs). */
  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** Asks the server again a moment from now (edits, settings, the index). */
  scheduleUpdate(delay = UPDATE_DELAY_MS): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }

  private page(): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    return renderPreviewPage({
      title: previewTitle(this.uri),
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    });
  }

  private async update(): Promise<void> {
    const request = ++this.requests;
    let answer: PreviewDocument | null;
    let failure: string | undefined;
    try {
      answer = await this.server.sendRequest<PreviewDocument | null>(PREVIEW_REQUEST, {
        textDocument: { uri: this.uri.toString() },
      } satisfies PreviewParams);
    } catch (error) {
      answer = null;
      failure = `The preview could not be made: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (this.disposed || request < this.shownRequest) return;
    let html: string;
    if (answer) {
      this.shown = answer;
      html = renderPreviewBody(answer);
    } else if (this.html !== undefined) {
      // No answer (the server restarting, or the file just closed): what is shown stays.
      return;
    } else {
      html = renderPreviewMessage(failure ?? 'This file is not open as a cable: open it in the Cable language to preview it.');
    }
    this.shownRequest = request;
    this.html = html;
    const line = this.pendingLine;
    this.pendingLine = undefined;
    void this.panel.webview.postMessage({ type: 'update', html, version: answer?.version ?? 0, line });
  }

  private onMessage(raw: unknown): void {
    const message = asWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        // A fresh page (first shown, or shown again after it was hidden): what is known now, at the editor's line.
        const line = this.sourceEditors()[0]?.visibleRanges[0]?.start.line;
        if (this.html !== undefined)
          void this.panel.webview.postMessage({ type: 'update', html: this.html, version: this.shown?.version ?? 0, line });
        else this.pendingLine = line;
        this.scheduleUpdate(0);
        return;
      }
      case 'revealLine':
        this.revealInEditors(message.line);
        return;
      case 'openCitation': {
        const target = this.shown ? citationTarget(this.shown, message.key) : undefined;
        if (target) void this.openAt(vscode.Uri.parse(target.uri), target.line);
        return;
      }
      case 'openSource':
        void this.openAt(this.uri, message.line);
        return;
    }
  }

  private sourceEditors(): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === this.uri.toString());
  }

  /** The reader scrolled the preview: the editors of the source follow, without their scroll coming back. */
  private revealInEditors(line: number): void {
    for (const editor of this.sourceEditors()) {
      const target = Math.max(0, Math.min(Math.floor(line), editor.document.lineCount - 1));
      this.ignoreEditorScrollUntil = Date.now() + ECHO_MS;
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.uri.toString() || !this.panel.visible) return;
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    const line = event.visibleRanges[0]?.start.line;
    if (line !== undefined) void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  /** Opens a file at a line, in the source editor's group when it has one, else beside the preview. */
  private async openAt(uri: vscode.Uri, line: number): Promise<void> {
    if (uri.scheme !== this.uri.scheme && uri.scheme !== 'file') return;
    const column = this.sourceEditors()[0]?.viewColumn ?? vscode.ViewColumn.Beside;
    const position = new vscode.Position(Math.max(0, Math.floor(line)), 0);
    await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position) });
  }
}

function previewTitle(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return `Preview ${name}`;
}

function asWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'revealLine':
    case 'openSource':
      return typeof message.line === 'number' && Number.isFinite(message.line) ? { type: message.type, line: message.line } : undefined;
    case 'openCitation':
      return typeof message.key === 'string' ? { type: 'openCitation', key: message.key } : undefined;
    default:
      return undefined;
  }
}

/** 16 random bytes in hex, from the Web Crypto API that both the desktop and the web extension hosts have. */
function newNonce(): string {
  // Typed here: the project's types are Node's, whose globals do not declare it.
  const { crypto } = globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } };
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
