/** What every hover renderer may read besides its target: the document, its cable, settings, dictionaries, workspace. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Dictionaries } from '../../dicts/dictionaries';
import type { Cable } from '../../model';
import type { LanguageSettings } from '../../settings';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { ModelCache } from '../modelCache';

export interface RenderContext {
  document: TextDocument;
  /** The cable the hovered position lies in. */
  cable?: Cable;
  settings: LanguageSettings;
  dictionaries: Dictionaries;
  /** Absent when the host keeps no workspace index: hovers then say nothing about other files. */
  workspace?: WorkspaceIndex;
  /** What was worked out from the model on demand: the cable's own acronym definitions. */
  cache: ModelCache;
}
