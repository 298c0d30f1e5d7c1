/**
 * The messages the cable server and its clients exchange beyond LSP: the index's state (status bar), the
 * Cables view's tree, and the check of every cable. Types and method names only, so both sides bundle it
 * and neither imports the other's code at run time.
 */

/** How far the workspace index has got. `scanning` while the folders are read; `limited` when a limit stopped it. */
export type IndexState = 'idle' | 'scanning' | 'ready' | 'limited';

/** Sent by the server as `cable/indexStatus` whenever the index's state or counts change (at most a few times a second). */
export interface IndexStatus {
  state: IndexState;
  /** Files indexed (from disk or open in the editor). */
  files: number;
  /** Cables in them (a file may hold more than one). */
  cables: number;
  /** While scanning: candidate files found in the folders so far, so "12,000 of 251,287". */
  total?: number;
  /** Files left out: bigger than `cable.index.maxFileSizeMB`, unreadable, or past `cable.index.maxFiles`. */
  skipped: number;
  /** Set when a limit stopped the index: which setting, and its value. */
  limit?: { setting: string; value: number };
}

export const INDEX_STATUS_NOTIFICATION = 'cable/indexStatus';

/** How the Cables view groups: year › month, or origin, classification or TAG, each › year. */
export type CablesGrouping = 'date' | 'origin' | 'classification' | 'tag';

export const CABLES_GROUPINGS: readonly CablesGrouping[] = ['date', 'origin', 'classification', 'tag'];

/** `cable/cablesTree`: the children of one node of the Cables view. */
export interface CablesTreeParams {
  grouping: CablesGrouping;
  /** Keys from the root to the node whose children are wanted: `[]` the top groups, `['2009']`, `['2009', '02']`. */
  path: string[];
  /** Only cables whose ref id, subject words or TAGS match (as workspace symbols match). */
  filter?: string;
  /** For a long list of cables: the first one wanted (see `CablesTreeNode` `more`). */
  offset?: number;
}

export type CablesTreeNode =
  | {
      kind: 'group';
      /** Appended to the path to ask for this group's children. */
      key: string;
      /** What the view shows: `2009`, `February`, `Mexico City`, `CONFIDENTIAL`, `PREL — External Political Relations`. */
      label: string;
      /** Cables under this group (with the filter applied). */
      count: number;
    }
  | {
      kind: 'cable';
      uri: string;
      refId?: string;
      subject?: string;
      /** ISO date, `2009-02-04`, when the cable gives one. */
      date?: string;
      /** `CONFIDENTIAL`, `SECRET//NOFORN` as the banner reads. */
      classification?: string;
      /** Where the cable starts in its file (zero-based line). */
      line: number;
    }
  | {
      /** The list goes on: ask again with `offset`. */
      kind: 'more';
      offset: number;
      remaining: number;
    };

export interface CablesTreeResult {
  nodes: CablesTreeNode[];
  status: IndexStatus;
}

export const CABLES_TREE_REQUEST = 'cable/cablesTree';

/** Sent by the server (throttled) when cables entered, changed or left the index, so the view refreshes. */
export const CABLES_CHANGED_NOTIFICATION = 'cable/cablesChanged';

/** `cable/checkAllCables`: validates every cable of the workspace and reports its problems (pulled or pushed). */
export interface CheckAllResult {
  /** Files checked. */
  files: number;
  /** Problems found in them. */
  problems: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
  cancelled: boolean;
}

export const CHECK_ALL_REQUEST = 'cable/checkAllCables';

/** What the client may pass as `initializationOptions`. */
export interface CableInitializationOptions {
  /** A folder the server may keep its index cache in (the VS Code client passes its workspace storage). */
  cacheDirectory?: string;
}

/**
 * `cable/workspaceFiles` (server → client): the files of a workspace folder that may be cables (`.cable`,
 * `.txt`), at most `maxFiles`, for a server that cannot list folders itself (the browser's Web Worker). The
 * client answers from `vscode.workspace.findFiles`, so it works on any file system VS Code has (vscode.dev's too).
 */
export interface WorkspaceFilesParams {
  folderUri: string;
  maxFiles: number;
}

export interface WorkspaceFilesResult {
  uris: string[];
  /** True when the folder holds more candidates than `maxFiles`. */
  truncated: boolean;
}

export const WORKSPACE_FILES_REQUEST = 'cable/workspaceFiles';

/** `cable/readFile` (server → client): a workspace file's text, through `vscode.workspace.fs`. */
export interface ReadFileParams {
  uri: string;
  /** Files bigger than this are not read (`tooBig`). */
  maxBytes: number;
}

export type ReadFileResult =
  { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'tooBig'; size: number } | { kind: 'failed'; error: string };

export const READ_FILE_REQUEST = 'cable/readFile';
