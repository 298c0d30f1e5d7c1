/**
 * Hover: what the token under the cursor means, as markdown built only from escaped text (the document, the
 * workspace and the settings are untrusted). The hover's range is the hovered token's.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { getDictionaries, type Dictionaries } from '../../dicts/dictionaries';
import type { CableFile } from '../../model';
import type { LanguageSettings } from '../../settings';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { ModelCache } from '../modelCache';
import { targetAt, type Target, type TargetKind, type TargetOf } from '../targets';
import type { RenderContext } from './context';
import { renderers } from './renderers';

export interface HoverOptions {
  dictionaries?: Dictionaries;
  /** Lets REF hovers say whether the cited cable is in the workspace. */
  workspace?: WorkspaceIndex;
  /** What was worked out from this model before (the cable's acronym definitions); a fresh one when absent. */
  cache?: ModelCache;
}

export function doHover(
  document: TextDocument,
  model: CableFile,
  position: Position,
  settings: LanguageSettings,
  options: HoverOptions = {},
): Hover | null {
  const found = targetAt(document, model, position);
  if (!found) return null;
  const context: RenderContext = {
    document,
    cable: found.cable,
    settings,
    dictionaries: options.dictionaries ?? getDictionaries(),
    workspace: options.workspace,
    cache: options.cache ?? new ModelCache(document),
  };
  const value = render(found.target, context);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: found.target.range } : null;
}

/** The renderer of the target's own kind; the table's type ties each kind to its renderer. */
function render<K extends TargetKind>(target: Target & TargetOf<K>, context: RenderContext): string | undefined {
  const renderer = renderers[target.kind] as (target: TargetOf<K>, context: RenderContext) => string | undefined;
  return renderer(target, context);
}
