/**
 * Which files may be cables, and which folders never hold them: one answer for the index read from disk, the
 * index read through the client (in a browser), and the file watching the server asks the editor for.
 */

/** `.cable` files are cables; `.txt` files are when their first lines read as one (`looksLikeCable`). */
export type CandidateKind = 'cable' | 'text';

/** The kind of a file by its name (or a URI's last segment), as Node's `extname` reads it: `.txt` alone is no extension. */
export function candidateKind(name: string): CandidateKind | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = base.slice(dot).toLowerCase();
  return extension === '.cable' ? 'cable' : extension === '.txt' ? 'text' : undefined;
}

/** The same files as a glob, for the editor's file search and watcher. */
export const CANDIDATE_GLOB = '**/*.{cable,txt,CABLE,TXT}';

/** Tool folders that never hold the user's cables and can be huge. (On disk, hidden folders are skipped too.) */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.hg', '.svn', 'dist', 'out'];
