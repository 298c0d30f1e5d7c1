/**
 * The Cables view in the Explorer: the workspace's cables by year › month, origin, classification or
 * TAG, with a filter. Shown while the server runs (context key `cable.serverRunning`); says while the
 * index is incomplete, and reloads when cables enter, change or leave the index.
 */
import * as vscode from 'vscode';
import {
  CABLES_CHANGED_NOTIFICATION,
  CABLES_GROUPINGS,
  CABLES_TREE_REQUEST,
  INDEX_STATUS_NOTIFICATION,
  type CablesGrouping,
  type CablesTreeResult,
  type IndexStatus,
} from '../../shared/protocol';
import { CablesTreeProvider, type CablesElement } from './cablesTree';
import { viewMessage } from './indexWording';
import type { ServerController } from './serverController';

export const CABLES_VIEW_ID = 'cable.cablesView';
const GROUPING_KEY = 'cable.cablesView.grouping';
/** The server announces changes throttled, but a copy of a whole folder still sends a burst. */
const REFRESH_DEBOUNCE_MS = 500;

const GROUPING_NAMES: Record<CablesGrouping, string> = {
  date: 'Date',
  origin: 'Origin',
  classification: 'Classification',
  tag: 'TAG',
};

const GROUPING_DETAILS: Record<CablesGrouping, string> = {
  date: 'year › month › cables',
  origin: 'post › year › cables',
  classification: 'classification › year › cables',
  tag: 'TAG › year › cables',
};

export class CablesView implements vscode.Disposable {
  private readonly provider: CablesTreeProvider;
  private readonly view: vscode.TreeView<CablesElement>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private grouping: CablesGrouping;
  private filter: string | undefined;
  private status: IndexStatus | undefined;
  /** What the last top-level answer or failure says beyond the index's state. */
  private note: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly server: ServerController,
    private readonly state: vscode.Memento,
    private readonly log: (message: string) => void,
  ) {
    const remembered = state.get<string>(GROUPING_KEY);
    this.grouping = (CABLES_GROUPINGS as readonly string[]).includes(remembered ?? '') ? (remembered as CablesGrouping) : 'date';
    this.provider = new CablesTreeProvider(
      (params) => server.sendRequest<CablesTreeResult>(CABLES_TREE_REQUEST, params),
      { grouping: this.grouping },
      {
        onStatus: (status) => this.showStatus(status),
        onTopLevel: (empty) => this.showNote(empty ? this.emptyNote() : undefined),
        onError: (error) => this.showFailure(error),
      },
    );
    this.view = vscode.window.createTreeView(CABLES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.subscriptions.push(
      this.provider,
      this.view,
      server.onNotification(CABLES_CHANGED_NOTIFICATION, () => this.refreshSoon()),
      server.onNotification(INDEX_STATUS_NOTIFICATION, (params) => this.showStatus(params as IndexStatus)),
      server.onDidChangeRunning((running) => this.serverRunning(running)),
    );
    this.showTitle();
  }

  /** Asks for a grouping with a quick pick and remembers it for this workspace. */
  async chooseGrouping(): Promise<void> {
    const items = CABLES_GROUPINGS.map((grouping) => ({
      label: `Group by ${GROUPING_NAMES[grouping]}`,
      description: grouping === this.grouping ? `${GROUPING_DETAILS[grouping]} (current)` : GROUPING_DETAILS[grouping],
      grouping,
    }));
    const chosen = await vscode.window.showQuickPick(items, { title: 'Group the Cables View', placeHolder: 'How to group the cables' });
    if (chosen === undefined) return;
    this.grouping = chosen.grouping;
    await this.state.update(GROUPING_KEY, this.grouping);
    this.reload();
  }

  /** Asks for the filter text; an empty one clears it. */
  async editFilter(): Promise<void> {
    const filter = await vscode.window.showInputBox({
      title: 'Filter the Cables View',
      prompt: 'Cables whose ref id, subject words or TAGS match; empty shows all.',
      placeHolder: 'e.g. 09MEXICO283, extradition, PREL',
      value: this.filter ?? '',
    });
    if (filter === undefined) return;
    this.setFilter(filter.trim() || undefined);
  }

  clearFilter(): void {
    this.setFilter(undefined);
  }

  refresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.provider.refresh();
  }

  showMore(element: unknown): Promise<void> {
    const more = element as CablesElement | undefined;
    return more?.kind === 'more' ? this.provider.showMore(more) : Promise.resolve();
  }

  dispose(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  private setFilter(filter: string | undefined): void {
    this.filter = filter;
    this.note = undefined;
    void vscode.commands.executeCommand('setContext', 'cable.cablesView.filtered', filter !== undefined);
    this.reload();
  }

  private reload(): void {
    this.showTitle();
    this.showMessage();
    this.provider.setQuery({ grouping: this.grouping, ...(this.filter ? { filter: this.filter } : {}) });
  }

  private refreshSoon(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  private serverRunning(running: boolean): void {
    void vscode.commands.executeCommand('setContext', 'cable.serverRunning', running);
    if (running) {
      this.note = undefined;
      this.refresh(); // a new server: what the view fetched from the old one may be gone
    } else {
      this.status = undefined;
      this.showMessage();
    }
  }

  private showTitle(): void {
    const filter = this.filter === undefined ? '' : ` · filter: ${this.filter}`;
    this.view.description = `by ${GROUPING_NAMES[this.grouping]}${filter}`;
  }

  private showStatus(status: IndexStatus): void {
    const wasScanning = this.status?.state === 'scanning';
    this.status = status;
    this.showMessage();
    // The last cables of a scan may come without a change notice of their own.
    if (wasScanning && status.state !== 'scanning') this.refreshSoon();
  }

  private showNote(note: string | undefined): void {
    this.note = note;
    this.showMessage();
  }

  private showFailure(error: unknown): void {
    this.log(`The Cables view could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    this.showNote(
      this.server.isRunning
        ? 'The cables could not be listed; see the "Cable Language Server" output.'
        : 'The cable language server is not running.',
    );
  }

  private emptyNote(): string {
    if (this.filter !== undefined) return `No cables match "${this.filter}".`;
    return this.status?.state === 'scanning' ? 'No cables indexed yet.' : 'No cables in the workspace folders.';
  }

  private showMessage(): void {
    // The title's description is cut short in a narrow side bar; the message is not.
    const filter = this.filter !== undefined && this.note === undefined ? `Cables matching "${this.filter}".` : undefined;
    const parts = [this.status ? viewMessage(this.status) : undefined, filter, this.note].filter(
      (part): part is string => part !== undefined,
    );
    this.view.message = parts.length > 0 ? parts.join(' ') : undefined;
  }
}
