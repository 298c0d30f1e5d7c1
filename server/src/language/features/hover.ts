/**
 * Hover: what the token under the cursor means, as markdown built only from escaped text (the document, the
 * workspace and the settings are untrusted). The hover's range is the hovered token's.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { getDictionaries, type Dictionaries } from '../dicts/dictionaries';
import type { CableFile } from '../model';
import type { LanguageSettings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import {
  classificationHover,
  declHover,
  executiveOrderHover,
  markingHover,
  reasonHover,
  reasonsHover,
  sectionHover,
} from './hoverClassification';
import type { RenderContext } from './hoverContext';
import { addressListHover, dateTimeGroupHover, deLineHover, precedenceHover, routingIndicatorHover, securityLineHover, transmissionIdHover } from './hoverHeader';
import { referenceHover, refIdHover, reftelHover } from './hoverReferences';
import { findHoverTarget, type FoundTarget } from './hoverTargets';
import { controlHover, tagHover, tagKeywordHover, tagNameHover, wordHover } from './hoverWords';

export interface HoverOptions {
  dictionaries?: Dictionaries;
  /** Lets REF hovers say whether the cited cable is in the workspace. */
  workspace?: WorkspaceIndex;
}

export function doHover(document: TextDocument, model: CableFile, position: Position, settings: LanguageSettings, options: HoverOptions = {}): Hover | null {
  const found = findHoverTarget(document, model, position);
  if (!found) return null;
  const context: RenderContext = { document, cable: found.cable, settings, dictionaries: options.dictionaries ?? getDictionaries(), workspace: options.workspace };
  const value = render(found, context);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: found.target.range } : null;
}

function render({ target }: FoundTarget, context: RenderContext): string | undefined {
  const { dictionaries } = context;
  switch (target.kind) {
    case 'tag':
      return tagHover(target.code, context);
    case 'tagName':
      return tagNameHover(target.name, context);
    case 'tagKeyword':
      return tagKeywordHover(target.text);
    case 'word':
      return wordHover(target.text, target.lineText, context);
    case 'control':
      return controlHover(target.text, context);
    case 'marking':
      return markingHover(target.marking, context);
    case 'classification':
      return classificationHover(target.text, target.classification, dictionaries);
    case 'reason':
      return reasonHover(target.reason, context);
    case 'reasons':
      return reasonsHover(target.field, context);
    case 'executiveOrder':
      return executiveOrderHover(target.eo, dictionaries);
    case 'decl':
      return declHover(target.eo, dictionaries.markings);
    case 'section':
      return sectionHover(target.n, target.m, target.page);
    case 'routingIndicator':
      return routingIndicatorHover(target.indicator, dictionaries);
    case 'precedence':
      return precedenceHover(target.text, dictionaries);
    case 'deLine':
      return deLineHover(target.de, context.cable, dictionaries);
    case 'dtg':
      return dateTimeGroupHover(target.dtg, dictionaries);
    case 'securityLine':
      return securityLineHover(target.text, dictionaries);
    case 'transmissionId':
      return transmissionIdHover(target.text);
    case 'addressList':
      return addressListHover(target.list);
    case 'reference':
      return referenceHover(target.item, context, target.citation);
    case 'refId':
      return refIdHover(target.refId, target.own, context);
    case 'reftel':
      return reftelHover(target.text, target.items, target.missing, context);
  }
}
