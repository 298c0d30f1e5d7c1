/**
 * The workspace index at the scale of the whole release (issue 12): a workspace of 251,287 real-shaped cables
 * built in a temporary folder (bigWorkspace.ts), opened by the built server (`dist/server.js --stdio`) as an
 * editor opens it: workspace folders, work-done progress, watched files, a cache folder, no configuration.
 * From `initialized`: when progress begins and ends, when `workspace/symbol` finds every cable with a unique
 * ref id (polled every second), the server's peak RSS; then the same for a second server over the same cache
 * (the warm start), and on it a cable added and deleted (told by `workspace/didChangeWatchedFiles`).
 * Every wait is bounded; targets are reported, not asserted. CABLE_BENCH_WORKSPACE_FILES sets the size,
 * CABLE_BENCH_SKIP_WORKSPACE=1 skips it all, CABLE_BENCH_WORKSPACE_POLL_MS sets the polling period (1000 ms).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  statfsSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, SERVER_PATH } from '../lsp/lspClient';
import { corpusFiles } from '../support/corpus';
import { ADDED_LETTER, buildBigWorkspace, uniqueCable, workspaceFileCount, type BigWorkspace } from './bigWorkspace';
import { printTable } from './table';

/** How long a start may take before the bench stops waiting (the target is 120 s cold, 15 s warm). */
const START_TIMEOUT_MS = 300_000;
/** How long an added or deleted cable may take to enter or leave the index. */
const CHANGE_TIMEOUT_MS = 60_000;
/**
 * How often workspace/symbol is asked during a start. Each query walks the whole index on the server's thread, so
 * polling adds load to the scan it measures; CABLE_BENCH_WORKSPACE_POLL_MS lets one see by how much.
 */
const POLL_MS = Number(process.env.CABLE_BENCH_WORKSPACE_POLL_MS) > 0 ? Number(process.env.CABLE_BENCH_WORKSPACE_POLL_MS) : 1000;
/** Once every cable is found with no progress begun, how long to wait for a progress that may still come. */
const NO_PROGRESS_GRACE_MS = 2_000;
const SHUTDOWN_TIMEOUT_MS = 120_000;

const COLD = { allFoundMs: 120_000, goalMs: 45_000 };
const WARM = { allFoundMs: 15_000, goalMs: 3_000 };
const RSS = { mb: 1024, goalMb: 400 };

interface Target {
  path: string;
  refId: string;
  folderName: string;
}

interface StartFigures {
  /** When dist/server.js was built, as the server was spawned (it may be rebuilt between the two starts). */
  serverBuilt: string;
  /** Spawn → `initialize` answered. */
  initializeMs: number;
  progressBeginMs?: number;
  progressTitle?: string;
  progressEndMs?: number;
  lastReport?: string;
  /** When each unique cable was first found, from `initialized`. */
  foundMs: Map<string, number>;
  allFoundMs?: number;
  peakRssMb: number;
  symbolAnswers: number[];
  symbolErrors: string[];
  /** The methods the server registered through `client/registerCapability`, with the watched globs. */
  registrations: string[];
  shutdownMs?: number;
  shutdownProblem?: string;
  crashed?: string;
  /** Why the wait ended early, if it did. */
  timedOut?: string;
}

interface ChangeFigures {
  addedMs?: number;
  deletedMs?: number;
  problem?: string;
}

/** A client as an editor starts it, with arrival times of the server's notifications. */
class Editor {
  readonly serverBuilt = builtAt(SERVER_PATH);
  readonly client = new LspClient(['--stdio']);
  /** performance.now() at which `client.notifications[i]` arrived. */
  readonly stamps: number[] = [];
  initializedAt = 0;

  constructor() {
    // Registered after the client's own listener, so the messages of a chunk are parsed when this runs.
    this.client.process.stdout.on('data', () => {
      while (this.stamps.length < this.client.notifications.length) this.stamps.push(performance.now());
    });
    for (const method of ['window/workDoneProgress/create', 'client/registerCapability', 'workspace/configuration'])
      this.client.onRequest(method, () => null);
  }

  get exited(): boolean {
    return this.client.process.exitCode !== null || this.client.process.signalCode !== null;
  }

  async start(folder: string, cacheDirectory: string): Promise<number> {
    const spawned = performance.now();
    const uri = pathToFileURL(folder).href;
    await this.client.request(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'cable-bench' },
        rootUri: uri,
        workspaceFolders: [{ uri, name: 'cables' }],
        capabilities: {
          window: { workDoneProgress: true },
          workspace: {
            workspaceFolders: true,
            configuration: false,
            didChangeWatchedFiles: { dynamicRegistration: true },
            symbol: {},
          },
          textDocument: { synchronization: {}, publishDiagnostics: {} },
        },
        initializationOptions: { cacheDirectory },
      },
      START_TIMEOUT_MS,
    );
    const initializeMs = performance.now() - spawned;
    this.client.notify('initialized', {});
    this.initializedAt = performance.now();
    return initializeMs;
  }

  /** The first work-done progress to begin, and its report and end if they came. */
  progress(): { beginMs?: number; title?: string; endMs?: number; lastReport?: string } {
    const { notifications } = this.client;
    let token: unknown;
    const out: ReturnType<Editor['progress']> = {};
    for (let i = 0; i < notifications.length; i++) {
      const { method, params } = notifications[i];
      if (method !== '$/progress') continue;
      const value = params?.value;
      if (token === undefined) {
        if (value?.kind !== 'begin') continue;
        token = params.token;
        out.beginMs = this.stamps[i] - this.initializedAt;
        out.title = [value.title, value.message].filter(Boolean).join(': ');
      } else if (params.token === token) {
        if (typeof value?.message === 'string') out.lastReport = value.message;
        if (value?.kind === 'end') {
          out.endMs = this.stamps[i] - this.initializedAt;
          break;
        }
      }
    }
    return out;
  }

  registrations(): string[] {
    return this.client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap(
        (r) =>
          (r.params?.registrations ?? []) as Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: unknown }> } }>,
      )
      .map((r) => {
        const globs = (r.registerOptions?.watchers ?? []).map((w) =>
          typeof w.globPattern === 'string' ? w.globPattern : JSON.stringify(w.globPattern),
        );
        return globs.length ? `${r.method} (${globs.join(', ')})` : r.method;
      });
  }

  /** Whether `workspace/symbol` for `refId` answers with the file at `path`; the answer time goes to `answers`. */
  async finds(refId: string, path: string, answers: number[], timeoutMs: number): Promise<boolean> {
    const start = performance.now();
    const result = await this.client.request<Array<{ location?: { uri?: string } }> | null>(
      'workspace/symbol',
      { query: refId },
      Math.max(1000, timeoutMs),
    );
    answers.push(performance.now() - start);
    return (result ?? []).some((symbol) => {
      const uri = symbol.location?.uri;
      return typeof uri === 'string' && uri.startsWith('file:') && fileURLToPath(uri) === path;
    });
  }

  /** The server's peak resident memory (VmHWM: the process and its threads), MB. */
  peakRssMb(): number {
    try {
      const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${this.client.process.pid}/status`, 'utf8'));
      return kb ? +kb[1] / 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  stderrTail(): string {
    return this.client.stderr.trim().split('\n').slice(-5).join(' | ');
  }

  crashReport(): string {
    return `the server exited (code ${this.client.process.exitCode ?? this.client.process.signalCode}); stderr: ${this.stderrTail() || '(none)'}`;
  }
}

function builtAt(path: string): string {
  return statSync(path).mtime.toISOString().slice(0, 19).replace('T', ' ');
}

/** Files and bytes under `dir`. */
function du(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = du(path);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}

/** Refuses to start when the temporary folder's disk cannot hold the workspace (with a margin). */
function checkFreeSpace(root: string, count: number): void {
  const files = corpusFiles();
  const average = files.reduce((sum, file) => sum + statSync(file).size, 0) / files.length;
  const needed = average * count * 1.1 + 100e6;
  const { bavail, bsize } = statfsSync(root);
  if (bavail * bsize < needed)
    throw new Error(
      `${root} has ${((bavail * bsize) / 1e9).toFixed(1)} GB free; the workspace needs about ${(needed / 1e9).toFixed(1)} GB`,
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a server over `folder` and waits until every target is found and progress has ended, or the timeout. */
async function measureStart(editor: Editor, folder: string, cacheDirectory: string, targets: Target[]): Promise<StartFigures> {
  const initializeMs = await editor.start(folder, cacheDirectory);
  const figures: StartFigures = {
    serverBuilt: editor.serverBuilt,
    initializeMs,
    foundMs: new Map(),
    peakRssMb: Number.NaN,
    symbolAnswers: [],
    symbolErrors: [],
    registrations: [],
  };
  const deadline = editor.initializedAt + START_TIMEOUT_MS;
  for (;;) {
    if (editor.exited) {
      figures.crashed = editor.crashReport();
      break;
    }
    const missing = targets.filter((t) => !figures.foundMs.has(t.refId));
    await Promise.all(
      missing.map(async (target) => {
        try {
          if (await editor.finds(target.refId, target.path, figures.symbolAnswers, deadline - performance.now())) {
            figures.foundMs.set(target.refId, performance.now() - editor.initializedAt);
          }
        } catch (error) {
          figures.symbolErrors.push(error instanceof Error ? error.message : String(error));
        }
      }),
    );
    const progress = editor.progress();
    const now = performance.now();
    if (figures.foundMs.size === targets.length && figures.allFoundMs === undefined)
      figures.allFoundMs = Math.max(...figures.foundMs.values());
    const allFoundFor = figures.allFoundMs === undefined ? -1 : now - editor.initializedAt - figures.allFoundMs;
    if (allFoundFor >= 0 && (progress.endMs !== undefined || (progress.beginMs === undefined && allFoundFor >= NO_PROGRESS_GRACE_MS)))
      break;
    if (now >= deadline) {
      figures.timedOut = `stopped waiting after ${START_TIMEOUT_MS / 1000} s`;
      break;
    }
    await sleep(Math.min(POLL_MS, deadline - now));
  }
  const progress = editor.progress();
  figures.progressBeginMs = progress.beginMs;
  figures.progressTitle = progress.title;
  figures.progressEndMs = progress.endMs;
  figures.lastReport = progress.lastReport;
  figures.registrations = editor.registrations();
  figures.peakRssMb = editor.peakRssMb();
  return figures;
}

/** `shutdown` and `exit`; a server that does not exit in time is killed and said so. */
async function stop(editor: Editor, figures: StartFigures): Promise<void> {
  if (editor.exited) return;
  figures.peakRssMb = editor.peakRssMb();
  const start = performance.now();
  try {
    await editor.client.shutdown(SHUTDOWN_TIMEOUT_MS);
    figures.shutdownMs = performance.now() - start;
  } catch (error) {
    figures.shutdownProblem = error instanceof Error ? error.message : String(error);
    editor.client.kill();
  }
}

/** Polls `workspace/symbol` for `refId` until the answer does (or no longer does) hold `path`. */
async function waitForIndex(editor: Editor, refId: string, path: string, wanted: boolean, since: number): Promise<number | undefined> {
  const deadline = since + CHANGE_TIMEOUT_MS;
  const answers: number[] = [];
  for (;;) {
    if (editor.exited) throw new Error(editor.crashReport());
    if ((await editor.finds(refId, path, answers, deadline - performance.now())) === wanted) return performance.now() - since;
    if (performance.now() >= deadline) return undefined;
    await sleep(POLL_MS);
  }
}

/** A cable with a new unique ref id written into `folderName`, told as created; then deleted, told as deleted. */
async function measureChanges(editor: Editor, workspace: BigWorkspace, folderName: string): Promise<ChangeFigures> {
  const added = uniqueCable(ADDED_LETTER, 6);
  const path = join(workspace.folder, folderName, `${added.refId}${extname(added.source)}`);
  const uri = pathToFileURL(path).href;
  const figures: ChangeFigures = {};
  try {
    writeFileSync(path, added.text);
    let since = performance.now();
    editor.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    figures.addedMs = await waitForIndex(editor, added.refId, path, true, since);
    unlinkSync(path);
    since = performance.now();
    editor.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    figures.deletedMs = await waitForIndex(editor, added.refId, path, false, since);
  } catch (error) {
    figures.problem = error instanceof Error ? error.message : String(error);
  } finally {
    if (existsSync(path)) unlinkSync(path);
  }
  return figures;
}

// --- printing -------------------------------------------------------------------------------------------------

const seconds = (ms: number | undefined) =>
  ms === undefined ? '' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
const thousands = (n: number) => n.toLocaleString('en-US');

function verdict(value: number | undefined, limit: number, goal: number): string {
  if (value === undefined || Number.isNaN(value)) return 'no';
  if (value > limit) return 'no';
  return value <= goal ? 'yes, goal met' : 'yes, goal missed';
}

function startRows(
  label: string,
  figures: StartFigures | undefined,
  targets: Target[],
  limits: { allFoundMs: number; goalMs: number },
  folders: string[],
): string[][] {
  if (!figures) return [[`${label}: not run`, '', '', '']];
  const f = figures;
  const rows: string[][] = [];
  const beginNote = f.progressBeginMs === undefined ? 'no progress' : `${seconds(f.progressBeginMs)} (“${f.progressTitle ?? ''}”)`;
  const endNote =
    f.progressEndMs !== undefined
      ? `${seconds(f.progressEndMs)}${f.lastReport ? ` (last report “${f.lastReport}”)` : ''}`
      : f.progressBeginMs === undefined
        ? 'no progress'
        : `no end${f.timedOut ? ` (${f.timedOut})` : ''}`;
  rows.push([`${label}: spawn → initialize answered`, `${seconds(f.initializeMs)} (dist/server.js built ${f.serverBuilt})`, '', '']);
  rows.push([`${label}: first $/progress begin`, beginNote, 'progress begins', f.progressBeginMs === undefined ? 'no' : 'yes']);
  rows.push([`${label}: its $/progress end`, endNote, 'progress ends', f.progressEndMs === undefined ? 'no' : 'yes']);
  const found =
    f.allFoundMs !== undefined
      ? seconds(f.allFoundMs)
      : `${f.foundMs.size} of ${targets.length} found${f.timedOut ? ` (${f.timedOut})` : ''}`;
  rows.push([
    `${label}: every unique cable (${targets.length}) found by workspace/symbol`,
    found,
    `≤ ${limits.allFoundMs / 1000} s (goal ${limits.goalMs / 1000} s)`,
    verdict(f.allFoundMs, limits.allFoundMs, limits.goalMs),
  ]);
  const byFolder = [...new Set(targets.map((t) => t.folderName))].map((name) => {
    const times = targets.filter((t) => t.folderName === name).map((t) => f.foundMs.get(t.refId));
    const where = name === folders[0] ? 'first' : name === folders[folders.length - 1] ? 'last' : 'middle';
    return `${where} ${name} ${times.every((t) => t !== undefined) ? seconds(Math.max(...(times as number[]))) : 'not found'}`;
  });
  rows.push(['  by folder', byFolder.join(', '), '', '']);
  const answers = [...f.symbolAnswers].sort((a, b) => a - b);
  const median = answers.length ? answers[answers.length >> 1] : undefined;
  rows.push([
    '  workspace/symbol answer time while polling',
    answers.length
      ? `median ${(median as number).toFixed(0)} ms, slowest ${answers[answers.length - 1].toFixed(0)} ms (${answers.length} queries, every ${POLL_MS} ms${f.symbolErrors.length ? `, ${f.symbolErrors.length} errors: ${f.symbolErrors[0]}` : ''})`
      : 'no answer',
    '',
    '',
  ]);
  rows.push([
    `${label}: peak RSS of the server (VmHWM, before shutdown)`,
    Number.isNaN(f.peakRssMb) ? 'not read' : `${f.peakRssMb.toFixed(0)} MB`,
    `< 1 GB (goal ${RSS.goalMb} MB)`,
    Number.isNaN(f.peakRssMb) ? 'no' : f.peakRssMb >= RSS.mb ? 'no' : f.peakRssMb <= RSS.goalMb ? 'yes, goal met' : 'yes, goal missed',
  ]);
  rows.push([
    `${label}: shutdown → exit`,
    f.shutdownMs !== undefined
      ? seconds(f.shutdownMs)
      : f.shutdownProblem
        ? `killed: ${f.shutdownProblem}`
        : f.crashed
          ? 'crashed before'
          : '',
    '',
    '',
  ]);
  if (f.crashed) rows.push([`${label}: SERVER EXITED`, f.crashed, '', '']);
  return rows;
}

function printFigures(
  workspace: BigWorkspace,
  targets: Target[],
  cold?: StartFigures,
  warm?: StartFigures,
  changes?: ChangeFigures,
  changeFolder?: string,
  cache?: { files: number; bytes: number },
) {
  const registrations = [...new Set([...(cold?.registrations ?? []), ...(warm?.registrations ?? [])])];
  const watches = registrations.some((r) => r.startsWith('workspace/didChangeWatchedFiles'));
  printTable(
    `Workspace index: ${thousands(workspace.files)} cables in ${workspace.folders.length} folders (${(workspace.bytes / 1e9).toFixed(2)} GB), ` +
      `the built server over stdio; times from \`initialized\`; the files freshly written, so in the page cache`,
    ['measure', 'value', 'target', 'met'],
    [
      ...startRows('cold start', cold, targets, COLD, workspace.folders),
      ['cache folder after the cold start', cache ? `${cache.files} file(s), ${(cache.bytes / 1e6).toFixed(1)} MB` : 'not run', '', ''],
      ...startRows('warm start (same cache)', warm, targets, WARM, workspace.folders),
      ['server registered for watched files', watches ? 'yes' : 'no', '', ''],
      ...registrations.map((r) => ['  registration', r, '', '']),
      [
        `cable added to ${changeFolder ?? '?'} (didChangeWatchedFiles created) → found`,
        changes
          ? changes.addedMs !== undefined
            ? seconds(changes.addedMs)
            : (changes.problem ?? `not found within ${CHANGE_TIMEOUT_MS / 1000} s`)
          : 'not run',
        'enters the index',
        changes?.addedMs !== undefined ? 'yes' : 'no',
      ],
      [
        'the same cable deleted (didChangeWatchedFiles deleted) → gone',
        changes
          ? changes.deletedMs !== undefined
            ? changes.addedMs === undefined
              ? 'never entered'
              : seconds(changes.deletedMs)
            : (changes.problem ?? `still found after ${CHANGE_TIMEOUT_MS / 1000} s`)
          : 'not run',
        'leaves the index',
        changes?.deletedMs !== undefined && changes.addedMs !== undefined ? 'yes' : 'no',
      ],
    ],
  );
}

// --- the run --------------------------------------------------------------------------------------------------

/** Builds the workspace, measures both starts and the watched-file changes, prints the table, removes everything. */
export async function runWorkspaceBench(): Promise<void> {
  if (process.env.CABLE_BENCH_SKIP_WORKSPACE === '1') {
    console.log('\nWorkspace index: skipped (CABLE_BENCH_SKIP_WORKSPACE=1)');
    return;
  }
  const count = workspaceFileCount();
  const root = mkdtempSync(join(tmpdir(), 'cable-bench-workspace-'));
  const editors: Editor[] = [];
  const cleanUp = () => {
    for (const editor of editors) editor.client.kill();
    rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: removing ${root}`);
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const cacheDirectory = join(root, 'cache');
    mkdirSync(cacheDirectory);
    checkFreeSpace(root, count);
    console.log(`\nWorkspace index: building ${thousands(count)} cables in ${root} …`);
    let lastReport = performance.now();
    const workspace = await buildBigWorkspace(join(root, 'cables'), count, (done, total) => {
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        console.log(`  ${done} of ${total} folders`);
      }
    });
    console.log(
      `  built ${thousands(workspace.files)} files in ${workspace.folders.length} folders, ${(workspace.bytes / 1e9).toFixed(2)} GB, in ${seconds(workspace.buildMs)}`,
    );
    const targets: Target[] = workspace.uniques.map(({ path, refId, folderName }) => ({ path, refId, folderName }));
    console.log(`  unique ref ids: ${targets.map((t) => `${t.refId} (${t.folderName})`).join(', ')}`);

    let cold: StartFigures | undefined;
    let warm: StartFigures | undefined;
    let changes: ChangeFigures | undefined;
    let cache: { files: number; bytes: number } | undefined;
    const changeFolder = workspace.folders[Math.floor(workspace.folders.length / 2)];
    let crash: string | undefined;
    try {
      console.log('  cold start …');
      const first = new Editor();
      editors.push(first);
      cold = await measureStart(first, workspace.folder, cacheDirectory, targets);
      await stop(first, cold);
      cache = du(cacheDirectory);
      crash = cold.crashed;
      if (!crash) {
        console.log('  warm start …');
        const second = new Editor();
        editors.push(second);
        warm = await measureStart(second, workspace.folder, cacheDirectory, targets);
        if (!warm.crashed) {
          console.log('  added and deleted cable …');
          changes = await measureChanges(second, workspace, changeFolder);
        }
        await stop(second, warm);
        crash = warm.crashed;
      }
    } finally {
      printFigures(workspace, targets, cold, warm, changes, changeFolder, cache);
    }
    // A server that dies leaves figures unmeasured: that is a failure of the run, not a missed target.
    if (crash) throw new Error(`Workspace index bench: ${crash}`);
  } finally {
    const start = performance.now();
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    console.log(`  removed ${root} in ${seconds(performance.now() - start)}`);
  }
}
