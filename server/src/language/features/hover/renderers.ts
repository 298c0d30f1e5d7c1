/**
 * One hover renderer per target kind. The table is checked against `TargetKind`: a kind added to `Target`
 * without a renderer here fails to compile, instead of hovering with nothing.
 */
import type { TargetKind, TargetOf } from '../targets';
import {
  classificationHover,
  declHover,
  executiveOrderHover,
  markingHover,
  reasonHover,
  reasonsHover,
  sectionHover,
} from './classification';
import type { RenderContext } from './context';
import {
  addressListHover,
  dateTimeGroupHover,
  deLineHover,
  precedenceHover,
  routingIndicatorHover,
  securityLineHover,
  transmissionIdHover,
} from './header';
import { referenceHover, refIdHover, reftelHover } from './references';
import { controlHover, tagHover, tagKeywordHover, tagNameHover, wordHover } from './words';

/** Markdown for one kind of target, or undefined when there is nothing to say (a word no source knows). */
export type Renderer<K extends TargetKind> = (target: TargetOf<K>, context: RenderContext) => string | undefined;

export const renderers = {
  tag: (target, context) => tagHover(target.code, context),
  tagName: (target, context) => tagNameHover(target.name, context),
  tagKeyword: (target) => tagKeywordHover(target.text),
  word: (target, context) => wordHover(target.text, target.lineText, context),
  control: (target, context) => controlHover(target.text, context),
  marking: (target, context) => markingHover(target.marking, context),
  classification: (target, context) => classificationHover(target.text, target.classification, context.dictionaries),
  reason: (target, context) => reasonHover(target.reason, context),
  reasons: (target, context) => reasonsHover(target.field, context),
  executiveOrder: (target, context) => executiveOrderHover(target.eo, context.dictionaries),
  decl: (target, context) => declHover(target.eo, context.dictionaries.markings),
  section: (target) => sectionHover(target.n, target.m, target.page),
  routingIndicator: (target, context) => routingIndicatorHover(target.indicator, context.dictionaries),
  precedence: (target, context) => precedenceHover(target.text, context.dictionaries),
  deLine: (target, context) => deLineHover(target.de, context.cable, context.dictionaries),
  dtg: (target, context) => dateTimeGroupHover(target.dtg, context.dictionaries),
  securityLine: (target, context) => securityLineHover(target.text, context.dictionaries),
  transmissionId: (target) => transmissionIdHover(target.text),
  addressList: (target) => addressListHover(target.list),
  reference: (target, context) => referenceHover(target.item, context, target.citation),
  refId: (target, context) => refIdHover(target.refId, target.own, context),
  reftel: (target, context) => reftelHover(target.text, target.items, target.missing, context),
} satisfies { [K in TargetKind]: Renderer<K> };
