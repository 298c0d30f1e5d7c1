/**
 * Problems of cables that are not open: "Check All Cables" once, or always with `cable.validate.scope` set to
 * `workspace`. Each cable is read (from disk, or through the client in a browser), parsed and validated with its folder's settings, on the server's
 * thread in slices (so open documents stay responsive), with cancellable progress. Reports go where the
 * client takes them: into its pending `workspace/diagnostic` request as partial results (VS Code keeps one
 * open), else pushed with `textDocument/publishDiagnostics`. Open documents are left to their own diagnostics.
 */
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckAllResult } from '../../../shared/protocol';
import { nextTurn } from '../eventLoop';
import type { LanguageService } from '../language/languageService';
import type { SettingsStore } from '../settings/settingsStore';
import { formatCount as count } from '../../../shared/formatCount';

/** The answer when checking failed before it began. */
export const NOTHING_CHECKED: CheckAllResult = { files: 0, problems: 0, filesWithProblems: 0, cancelled: true };

/** Cables checked between two turns of the event loop. */
const SLICE = 8;

export interface CheckProgress {
  report(message: string, percentage: number): void;
  done(message: string): void;
  /** Set when the user cancelled in the editor's progress. */
  readonly cancelled: CancellationToken;
}

export interface WorkspaceChecksDeps {
  service: Pick<LanguageService, 'validate' | 'parse'>;
  settings: SettingsStore;
  /** The files of the workspace read from disk. */
  diskFiles(): string[];
  hasDiskFile(uri: string): boolean;
  /** The workspace folder a file lies in, whose settings apply to it. */
  folderOf(uri: string): string | undefined;
  isOpen(uri: string): boolean;
  /** The text of a workspace file (from the platform: disk, or the client's file system). */
  readFile(uri: string): Promise<string>;
  /** Pushes diagnostics, for clients that pull none for the workspace. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  beginProgress(title: string): Promise<CheckProgress>;
  logError(message: string): void;
}

/** A pending `workspace/diagnostic` request, fed partial results. */
interface WorkspacePull {
  report(items: WorkspaceDocumentDiagnosticReport[]): void;
  finish(): void;
}

export class WorkspaceChecks {
  /** Problems found per file (only files with problems), to give a new workspace pull what is known. */
  private readonly known = new Map<string, Diagnostic[]>();
  private pull: WorkspacePull | undefined;
  /** True once a client sent `workspace/diagnostic`: reports go there from then on. */
  private pulling = false;
  private active = false;
  private running: Promise<CheckAllResult> | undefined;

  constructor(private readonly deps: WorkspaceChecksDeps) {}

  /** Checks every cable of the workspace that is not open; a second call while one runs waits for it. */
  checkAll(token?: CancellationToken): Promise<CheckAllResult> {
    this.active = true;
    this.running ??= this.run(token).finally(() => (this.running = undefined));
    return this.running;
  }

  /** `cable.validate.scope`: `workspace` checks everything now and keeps it up to date; `openFiles` clears what was shown. */
  setScope(scope: 'openFiles' | 'workspace'): void {
    if (scope === 'workspace' && !this.active) void this.checkAll();
    if (scope === 'openFiles' && this.active) {
      this.active = false;
      this.clearAll();
    }
  }

  /** Files that changed on disk, or were closed: checked again when the workspace is being checked. */
  async recheck(uris: readonly string[]): Promise<void> {
    if (!this.active) return;
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    for (const uri of uris) {
      if (this.deps.isOpen(uri)) continue;
      const diagnostics = this.deps.hasDiskFile(uri) ? ((await this.check(uri)) ?? []) : [];
      reports.push(this.remember(uri, diagnostics));
    }
    this.deliver(reports);
  }

  /** Answers `workspace/diagnostic`: held open, fed partial results as checks run, ended on cancellation. */
  onWorkspacePull(
    token: CancellationToken,
    partial: ((items: WorkspaceDocumentDiagnosticReport[]) => void) | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    this.pulling = true;
    this.pull?.finish();
    return new Promise((resolve) => {
      const collected: WorkspaceDocumentDiagnosticReport[] = [];
      const pull: WorkspacePull = {
        // Without partial results, a pull ends with the first batch; the client asks again soon after.
        report: (items) => {
          if (partial) partial(items);
          else {
            collected.push(...items);
            pull.finish();
          }
        },
        finish: () => {
          if (this.pull === pull) this.pull = undefined;
          resolve({ items: collected });
        },
      };
      this.pull = pull;
      token.onCancellationRequested(() => pull.finish());
      const known = [...this.known].filter(([uri]) => !this.deps.isOpen(uri)).map(([uri, diagnostics]) => fullReport(uri, diagnostics));
      if (known.length) pull.report(known);
    });
  }

  dispose(): void {
    this.pull?.finish();
  }

  private async run(token: CancellationToken | undefined): Promise<CheckAllResult> {
    const files = this.deps.diskFiles().filter((uri) => !this.deps.isOpen(uri));
    const progress = await this.deps.beginProgress('Checking cables');
    const result: CheckAllResult = { files: 0, problems: 0, filesWithProblems: 0, cancelled: false };
    const isCancelled = () => token?.isCancellationRequested === true || progress.cancelled.isCancellationRequested;
    let batch: WorkspaceDocumentDiagnosticReport[] = [];
    for (let index = 0; index < files.length; index++) {
      if (isCancelled()) {
        result.cancelled = true;
        break;
      }
      const uri = files[index];
      const diagnostics = await this.check(uri);
      if (diagnostics === undefined) continue;
      result.files++;
      result.problems += diagnostics.length;
      if (diagnostics.length) result.filesWithProblems++;
      if (diagnostics.length || this.known.has(uri)) batch.push(this.remember(uri, diagnostics));
      if ((index + 1) % SLICE === 0) {
        this.deliver(batch);
        batch = [];
        progress.report(`${count(index + 1)} of ${count(files.length)} cables`, Math.floor(((index + 1) / files.length) * 100));
        await nextTurn();
      }
    }
    this.deliver(batch);
    progress.done(
      `${count(result.problems)} problems in ${count(result.filesWithProblems)} of ${count(result.files)} files${result.cancelled ? ' (cancelled)' : ''}`,
    );
    return result;
  }

  /** The problems of a file on disk with its folder's settings; undefined when it cannot be read or checking is off. */
  private async check(uri: string): Promise<Diagnostic[] | undefined> {
    let text: string;
    try {
      text = await this.deps.readFile(uri);
    } catch {
      return undefined;
    }
    const settings = await this.deps.settings.forFile(uri, this.deps.folderOf(uri) ?? uri);
    if (!settings.validate.enable) return [];
    const model = this.deps.service.parse(TextDocument.create(uri, 'cable', 0, text), (error) =>
      this.deps.logError(`The cable parser failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
    return this.deps.service.validate(model, settings.language, (rule, error) =>
      this.deps.logError(
        `Rule ${rule.code} ${rule.name} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    ).diagnostics;
  }

  private remember(uri: string, diagnostics: Diagnostic[]): WorkspaceDocumentDiagnosticReport {
    if (diagnostics.length) this.known.set(uri, diagnostics);
    else this.known.delete(uri);
    return fullReport(uri, diagnostics);
  }

  private clearAll(): void {
    const cleared = [...this.known.keys()].map((uri) => fullReport(uri, []));
    this.known.clear();
    this.deliver(cleared);
  }

  private deliver(reports: WorkspaceDocumentDiagnosticReport[]): void {
    if (!reports.length) return;
    if (this.pulling) {
      // Between two pulls the reports wait in `known`, which the next pull sends first.
      this.pull?.report(reports);
      return;
    }
    for (const report of reports) if (report.kind === DocumentDiagnosticReportKind.Full) this.deps.publish(report.uri, report.items);
  }
}

function fullReport(uri: string, items: Diagnostic[]): WorkspaceDocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, items };
}
