/**
 * Checks an outline (from the Outline view's rows, an LSP documentSymbol answer or VS Code's symbol
 * command) against the reference cable's structure. One checker for every editor, so a heading or
 * paragraph that goes missing or lands under the wrong parent fails everywhere alike.
 */
import { SAMPLE_OUTLINE } from './expectations';

export interface OutlineNode {
  name: string;
  children: OutlineNode[];
}

/** Builds the tree from rows listed in display order with their depth (1 = top level), as tree views show them. */
export function treeFromRows(rows: { name: string; level: number }[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: { node: OutlineNode; level: number }[] = [];
  for (const row of rows) {
    const node: OutlineNode = { name: row.name, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= row.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.node.children : roots).push(node);
    stack.push({ node, level: row.level });
  }
  return roots;
}

/** The outline as indented text, for failure messages. */
export function formatOutline(nodes: OutlineNode[], depth = 0): string {
  return nodes.map((node) => `${'  '.repeat(depth)}${node.name}\n${formatOutline(node.children, depth + 1)}`).join('');
}

/**
 * What is wrong with `roots` as the reference cable's outline; empty when it is right: a top-level
 * symbol named `09MEXICO283`; under it (directly or in one grouping symbol) the five headings in order,
 * preceded by ¶1 alone; under each heading exactly its paragraphs, in order.
 */
export function sampleOutlineProblems(roots: OutlineNode[]): string[] {
  const cable = roots.find((node) => node.name === SAMPLE_OUTLINE.cable);
  if (!cable) return [`no top-level symbol named ${SAMPLE_OUTLINE.cable} (top level: ${roots.map((n) => n.name).join(', ') || 'nothing'})`];
  const first = SAMPLE_OUTLINE.headings[0]!;
  const parent = [cable, ...cable.children].find((node) => node.children.some((child) => child.name.startsWith(first.startsWith)));
  if (!parent) return [`no heading symbol starting with ${JSON.stringify(first.startsWith)} under ${cable.name}`];

  const problems: string[] = [];
  const headingNames = SAMPLE_OUTLINE.headings.map((heading) => heading.startsWith);
  const headings = parent.children.filter((child) => headingNames.some((name) => child.name.startsWith(name)));
  const order = headings.map((heading) => headingNames.findIndex((name) => heading.name.startsWith(name)));
  if (order.join() !== headingNames.map((_, index) => index).join()) {
    problems.push(`headings under ${parent.name} are not the five in order: ${headings.map((h) => h.name).join(' | ')}`);
  }
  const leading = paragraphsIn(parent.children.slice(0, parent.children.indexOf(headings[0]!)));
  if (leading.join() !== SAMPLE_OUTLINE.leadParagraphs.join()) {
    problems.push(
      `paragraphs before the first heading: expected ${SAMPLE_OUTLINE.leadParagraphs.join(', ')}, found ${leading.join(', ') || 'none'}`,
    );
  }
  for (const expected of SAMPLE_OUTLINE.headings) {
    const heading = headings.find((node) => node.name.startsWith(expected.startsWith));
    if (!heading) continue; // reported above
    const found = paragraphsIn(heading.children);
    if (found.join() !== expected.paragraphs.join()) {
      problems.push(`paragraphs under "${heading.name}": expected ${expected.paragraphs.join(', ')}, found ${found.join(', ') || 'none'}`);
    }
  }
  return problems;
}

/** The paragraph marks (`¶12` of a symbol named `¶12 (SBU)`) that `nodes` stand for, in order. */
function paragraphsIn(nodes: OutlineNode[]): string[] {
  return nodes.map((node) => /^¶\d+/.exec(node.name)?.[0]).filter((mark): mark is string => mark !== undefined);
}
