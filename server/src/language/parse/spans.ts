/**
 * Summary and Comment spans in a cable body: `Summary.` … `End Summary.`, `Comment:` … `End Comment.`,
 * `(Comment: … )` closed by its parenthesis, and ends split over two lines (`End` / `Summary.`).
 * An unclosed span reaches the end of the paragraph it started in.
 */
import type { Body, Span, Token } from '../model';
import type { Kind } from './body';
import { lastContentIndex, rangeOf, tokenAt, type Line } from './lines';

const SUMMARY_START = /^(?:BEGIN\s+|Begin\s+)?(?:SUMMARY|Summary)(?:\s+(?:AND|and)\s+(?:COMMENT|Comment))?\s*(?:[.:-]|$)/;
const COMMENT_START = /(?:^|[\s(])((?:BEGIN\s+|Begin\s+)?(?:COMMENT|Comment))\s*:/g;
const COMMENT_LEAD = /^(?:COMMENT|Comment)\s*\./;
const ENDS: Array<[RegExp, Span['kind']]> = [
  [/\bEND\s+(?:OF\s+)?SUMMARY\b/gi, 'summary'],
  [/\bEND\s+(?:OF\s+)?COMMENT\b/gi, 'comment'],
];
const END_AT_LINE_END = /\bEND\s*$/i;
const KIND_AT_LINE_START = /^\s*(SUMMARY|COMMENT)\b/i;
const SPAN_WORD = /summary|comment/i;

interface SpanEvent {
  at: number;
  kind: 'start' | 'end';
  span: Span['kind'];
  token: Token;
  /** A comment opened by `(Comment:` ends at the matching parenthesis. */
  parenthesised?: boolean;
}

export function findSpans(lines: Line[], kinds: Kind[], from: number, body: Body): Span[] {
  const spans: Span[] = [];
  let open: (Span & { parenthesised?: boolean }) | undefined;
  const paragraphAt = new Map(body.paragraphs.map((p) => [p.range.start.line, p]));
  const headingLines = new Set(body.headings.map((h) => h.range.start.line));
  const close = (end: Token | undefined) => {
    if (!open) return;
    const { parenthesised: _, ...span } = open;
    if (end) {
      span.end = end;
      span.range = { start: span.range.start, end: end.range.end };
    } else {
      const startLine = span.start.range.start.line;
      const paragraph = body.paragraphs.find((p) => p.range.start.line <= startLine && p.range.end.line >= startLine);
      span.range = { start: span.range.start, end: paragraph ? paragraph.range.end : span.start.range.end };
    }
    spans.push(span);
    open = undefined;
  };

  // One list for every line's events: most lines have none.
  const events: SpanEvent[] = [];
  for (let i = from; i < from + kinds.length; i++) {
    const kind = kinds[i - from];
    if (kind !== 'text' && kind !== 'paragraph') continue;
    const line = lines[i];
    const text = line.text.length > 4000 ? line.text.slice(0, 4000) : line.text;
    if (events.length) events.length = 0;
    if (open?.parenthesised) {
      const paren = text.indexOf(')');
      if (paren >= 0) events.push({ at: paren, kind: 'end', span: 'comment', token: tokenAt(line, paren, ')') });
    }
    // Both words hold a double m: lines without one are passed over before the case-blind search.
    if (hasDoubleM(text) && SPAN_WORD.test(text)) {
      const paragraph = paragraphAt.get(i);
      const textStart = paragraph ? (paragraph.marking ?? paragraph.numberToken).range.end.character - line.offset : 0;
      const leadStart = text.length - text.slice(textStart).trimStart().length;
      const lead = text.slice(leadStart);
      const summary = SUMMARY_START.exec(lead);
      if (summary && (paragraph || headingLines.has(i) || i === from || kinds[i - 1 - from] === 'blank')) {
        events.push({
          at: leadStart,
          kind: 'start',
          span: 'summary',
          token: tokenAt(line, leadStart, summary[0].replace(/[.:-]$/, '').trimEnd()),
        });
      }
      const commentLead = COMMENT_LEAD.exec(lead);
      if (commentLead)
        events.push({ at: leadStart, kind: 'start', span: 'comment', token: tokenAt(line, leadStart, commentLead[0].slice(0, -1)) });
      // `exec` loops rather than `matchAll`, which copies the regex on every call.
      COMMENT_START.lastIndex = 0;
      for (let m = COMMENT_START.exec(text); m; m = COMMENT_START.exec(text)) {
        const at = m.index + m[0].indexOf(m[1]);
        if (/\b(END|End|end|no|No|NO)\s+$/.test(text.slice(Math.max(0, at - 6), at))) continue;
        events.push({ at, kind: 'start', span: 'comment', token: tokenAt(line, at, m[1]), parenthesised: text[at - 1] === '(' });
      }
      for (const [regex, span] of ENDS) {
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m; m = regex.exec(text))
          events.push({ at: m.index, kind: 'end', span, token: tokenAt(line, m.index, m[0]) });
      }
    }
    const split = splitEnd(line, lines[i + 1]);
    if (split) events.push(split);
    if (events.length === 0) continue;
    if (events.length > 1) events.sort((a, b) => a.at - b.at);
    for (const event of events) {
      if (event.kind === 'start') {
        if (open) close(undefined);
        open = { kind: event.span, range: event.token.range, start: event.token, parenthesised: event.parenthesised };
        const paren = event.parenthesised ? text.indexOf(')', event.token.range.end.character - line.offset) : -1;
        if (paren >= 0) close(tokenAt(line, paren, ')'));
      } else if (open && open.kind === event.span && (open.parenthesised || event.token.text !== ')')) {
        close(event.token);
      }
    }
  }
  if (open) close(undefined);
  return spans;
}

/** `… End` at the end of a line and `Summary.` at the start of the next: one end token over both lines. */
function splitEnd(line: Line, next: Line | undefined): SpanEvent | undefined {
  // Most lines do not end in `End`: a look at the last character spares the regex.
  if (!next || !endsInD(line.text)) return undefined;
  const end = END_AT_LINE_END.exec(line.text);
  const kind = end && KIND_AT_LINE_START.exec(next.text);
  if (!end || !kind) return undefined;
  const wordEnd = next.text.indexOf(kind[1]) + kind[1].length;
  return {
    at: end.index,
    kind: 'end',
    span: kind[1].toLowerCase() as Span['kind'],
    token: {
      text: `${end[0].trim()} ${kind[1]}`,
      range: { start: rangeOf(line, end.index, end.index).start, end: rangeOf(next, wordEnd, wordEnd).end },
    },
  };
}

/** True when the last character other than white space is `d` or `D`. */
function endsInD(text: string): boolean {
  const code = text.charCodeAt(lastContentIndex(text));
  return code === 100 || code === 68;
}

/**
 * True when the text holds `mm`, `MM`, `mM` or `Mm`, as both span words do: found with `indexOf` (a fast scan) and
 * a look at the next character, several times cheaper than the regex `[mM][mM]` over a long line.
 */
function hasDoubleM(text: string): boolean {
  return mFollowedByM(text, 'm') || mFollowedByM(text, 'M');
}

function mFollowedByM(text: string, m: string): boolean {
  for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 109 || next === 77) return true;
  }
  return false;
}
