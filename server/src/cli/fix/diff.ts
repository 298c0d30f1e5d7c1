/**
 * `--fix-dry-run`: the safe fixes of one file as a unified diff (`--- file` / `+++ file` / `@@ -l,n +l,n @@`)
 * with three lines of context. The fixes rewrite words within lines, so the lines are compared one to one and
 * the diff shows exactly the lines they touch. Lines keep their own endings (CRLF stays CRLF), so `patch -p0`
 * applies the diff.
 */
import { PLAIN_STYLE, type Style } from '../format/style';

const CONTEXT_LINES = 3;

/** A run of changed lines: the old lines `first`…`last` (0-based) and what they become. */
interface Block {
  first: number;
  last: number;
  newLines: string[];
}

/** The diff from `original` to `fixed`; empty when they are the same. */
export function unifiedDiff(file: string, original: string, fixed: string, style: Style = PLAIN_STYLE): string {
  if (original === fixed) return '';
  const lines = splitLines(original);
  const blocks = changedBlocks(lines, splitLines(fixed));
  if (!blocks.length) return '';
  const out = [style.bold(`--- ${file}`) + '\n', style.bold(`+++ ${file}`) + '\n'];
  let delta = 0;
  for (const hunk of groupIntoHunks(blocks)) {
    const start = Math.max(0, hunk[0].first - CONTEXT_LINES);
    const end = Math.min(lines.length - 1, hunk[hunk.length - 1].last + CONTEXT_LINES);
    const body: string[] = [];
    let added = 0;
    let removed = 0;
    let at = start;
    for (const block of hunk) {
      for (; at < block.first; at++) body.push(diffLine(' ', lines[at], style));
      for (; at <= block.last; at++, removed++) body.push(diffLine('-', lines[at], style));
      for (const line of block.newLines) {
        body.push(diffLine('+', line, style));
        added++;
      }
    }
    for (; at <= end; at++) body.push(diffLine(' ', lines[at], style));
    const oldCount = end - start + 1;
    const newCount = oldCount - removed + added;
    out.push(style.cyan(`@@ -${range(start + 1, oldCount)} +${range(start + 1 + delta, newCount)} @@`) + '\n', ...body);
    delta += added - removed;
  }
  return out.join('');
}

/** `l,n`, or `l` alone for one line, as diff writes it. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

/** The text's lines, each with its own ending (`\r\n`, `\n` or `\r`); the last may have none. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** `-text`, coloured, with the line's ending after the colour; a last line without one says so, as diff does. */
function diffLine(sign: ' ' | '-' | '+', line: string, style: Style): string {
  const ending = /(?:\r\n|\r|\n)$/.exec(line)?.[0] ?? '';
  const content = sign + line.slice(0, line.length - ending.length);
  const coloured = sign === '-' ? style.red(content) : sign === '+' ? style.green(content) : content;
  return ending ? coloured + ending : `${coloured}\n\\ No newline at end of file\n`;
}

/**
 * The runs of lines that differ. With as many lines on both sides (every fix rewrites within a line) each line is
 * compared with its counterpart; otherwise the lines between the common start and the common end make one run.
 */
function changedBlocks(oldLines: string[], newLines: string[]): Block[] {
  const blocks: Block[] = [];
  if (oldLines.length === newLines.length) {
    for (let i = 0; i < oldLines.length; i++) {
      if (oldLines[i] === newLines[i]) continue;
      const previous = blocks[blocks.length - 1];
      if (previous && previous.last === i - 1) {
        previous.last = i;
        previous.newLines.push(newLines[i]);
      } else blocks.push({ first: i, last: i, newLines: [newLines[i]] });
    }
    return blocks;
  }
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < newLines.length - head &&
    oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]
  )
    tail++;
  // A run that only adds lines still needs an old line to stand on: take the one before (or after) it.
  let first = head;
  let last = oldLines.length - 1 - tail;
  let added = newLines.slice(head, newLines.length - tail);
  if (last < first) {
    if (first > 0) {
      first--;
      added = [oldLines[first], ...added];
    } else {
      last = first;
      added = [...added, oldLines[first]];
    }
    last = Math.max(last, first);
  }
  return [{ first, last, newLines: added }];
}

/** Blocks whose context would touch or overlap go in one hunk. */
function groupIntoHunks(blocks: Block[]): Block[][] {
  const hunks: Block[][] = [];
  for (const block of blocks) {
    const hunk = hunks[hunks.length - 1];
    if (hunk && block.first - hunk[hunk.length - 1].last - 1 <= 2 * CONTEXT_LINES) hunk.push(block);
    else hunks.push([block]);
  }
  return hunks;
}
