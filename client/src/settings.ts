/**
 * The client reads one setting itself, `cable.detectInTextFiles`; the server reads all the others, for
 * every editor alike. Both read by the rules of `shared/settings.ts`, so a value means the same to each.
 *
 * Pure (no `vscode` import) so it can be unit-tested.
 */
import { normaliseCableSettings } from '../../shared/settings';

/** A folder's `cable` section as `vscode.workspace.getConfiguration('cable', uri)` gives it. */
export interface CableSection {
  get(key: string): unknown;
}

/** `cable.detectInTextFiles`: whether `.txt` files of that folder that start like a cable open as cables. */
export function detectsTextFiles(section: CableSection): boolean {
  return normaliseCableSettings({ detectInTextFiles: section.get('detectInTextFiles') }).value.detectInTextFiles;
}
