/**
 * The Cables view's data: the server's `cable/cablesTree` answers, asked for one node at a time when
 * it is expanded, so a workspace of 251,287 cables costs only what is shown. Long lists of cables end
 * in a "Show 500 more…" row that fetches the next page into the same list.
 */
import * as vscode from 'vscode';
import type { CablesGrouping, CablesTreeParams, CablesTreeResult, IndexStatus } from '../../shared/protocol';
import { cableDescription, cableLabel, cableTooltip, type CableNode } from './cableLabels';
import { formatCount } from './indexWording';

export type CablesElement = GroupElement | CableElement | MoreElement;

interface GroupElement {
  kind: 'group';
  path: string[];
  label: string;
  count: number;
}

interface CableElement {
  kind: 'cable';
  path: string[];
  node: CableNode;
}

interface MoreElement {
  kind: 'more';
  /** The group whose list goes on (undefined: the top level). */
  parent: GroupElement | undefined;
  offset: number;
  remaining: number;
  /** How many rows the page before it brought, so the row can say how many the next one brings. */
  pageSize: number;
}

export interface CablesQuery {
  grouping: CablesGrouping;
  filter?: string;
}

export interface CablesTreeEvents {
  /** Every answer carries the index's state, for the view's message. */
  onStatus: (status: IndexStatus) => void;
  /** The top level was fetched: whether it is empty (no cables, or none match the filter). */
  onTopLevel: (empty: boolean) => void;
  onError: (error: unknown) => void;
}

export class CablesTreeProvider implements vscode.TreeDataProvider<CablesElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CablesElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Children fetched so far, by the path of their parent; dropped on refresh. */
  private children = new Map<string, CablesElement[]>();
  /** Bumped on refresh, so an answer to an older question is not cached as a current one. */
  private generation = 0;

  constructor(
    private readonly fetch: (params: CablesTreeParams) => Promise<CablesTreeResult>,
    private query: CablesQuery,
    private readonly events: CablesTreeEvents,
  ) {}

  /** Changes grouping or filter and reloads the whole tree. */
  setQuery(query: CablesQuery): void {
    this.query = query;
    this.refresh();
  }

  refresh(): void {
    this.generation += 1;
    this.children = new Map();
    this.changed.fire(undefined);
  }

  getTreeItem(element: CablesElement): vscode.TreeItem {
    switch (element.kind) {
      case 'group':
        return this.groupItem(element);
      case 'cable':
        return this.cableItem(element);
      case 'more':
        return this.moreItem(element);
    }
  }

  async getChildren(element?: CablesElement): Promise<CablesElement[]> {
    if (element !== undefined && element.kind !== 'group') return [];
    const key = pathKey(element?.path ?? []);
    const cached = this.children.get(key);
    if (cached) return cached;
    const generation = this.generation;
    const fetched = await this.fetchPage(element, 0);
    if (fetched === undefined || generation !== this.generation) return [];
    this.children.set(key, fetched);
    if (element === undefined) this.events.onTopLevel(fetched.length === 0);
    return fetched;
  }

  /** Replaces a "Show more" row with the next page of its list. */
  async showMore(more: MoreElement): Promise<void> {
    const key = pathKey(more.parent?.path ?? []);
    const generation = this.generation;
    const page = await this.fetchPage(more.parent, more.offset);
    const list = this.children.get(key);
    if (page === undefined || generation !== this.generation || list === undefined) return;
    const at = list.indexOf(more);
    if (at < 0) return; // clicked twice: the first click brought the page already
    list.splice(at, 1, ...page);
    this.changed.fire(more.parent);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** One page of a node's children, or undefined when the server could not answer. */
  private async fetchPage(parent: GroupElement | undefined, offset: number): Promise<CablesElement[] | undefined> {
    const path = parent?.path ?? [];
    const params: CablesTreeParams = {
      grouping: this.query.grouping,
      path,
      ...(this.query.filter ? { filter: this.query.filter } : {}),
      ...(offset > 0 ? { offset } : {}),
    };
    let result: CablesTreeResult;
    try {
      result = await this.fetch(params);
    } catch (error) {
      this.events.onError(error);
      return undefined;
    }
    this.events.onStatus(result.status);
    const shown = result.nodes.filter((node) => node.kind !== 'more').length;
    return result.nodes.map((node): CablesElement => {
      switch (node.kind) {
        case 'group':
          return { kind: 'group', path: [...path, node.key], label: node.label, count: node.count };
        case 'cable':
          return { kind: 'cable', path, node };
        case 'more':
          return { kind: 'more', parent, offset: node.offset, remaining: node.remaining, pageSize: Math.max(shown, 1) };
      }
    });
  }

  private groupItem(group: GroupElement): vscode.TreeItem {
    const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id('g', group.path);
    item.description = formatCount(group.count);
    item.tooltip = `${group.label}: ${formatCount(group.count)} ${group.count === 1 ? 'cable' : 'cables'}`;
    item.contextValue = 'cableGroup';
    return item;
  }

  private cableItem({ path, node }: CableElement): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.uri);
    const item = new vscode.TreeItem(cableLabel(node), vscode.TreeItemCollapsibleState.None);
    item.id = this.id('c', path, `${node.uri}#${node.line}`);
    item.description = cableDescription(node);
    item.tooltip = cableTooltip(node, vscode.workspace.asRelativePath(uri));
    // The file's icon, and its problems' colour once they are known.
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'cable';
    const selection = new vscode.Range(node.line, 0, node.line, 0);
    item.command = {
      command: 'vscode.open',
      title: 'Open Cable',
      arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  private moreItem(more: MoreElement): vscode.TreeItem {
    const next = Math.min(more.pageSize, more.remaining);
    const item = new vscode.TreeItem(`Show ${formatCount(next)} more…`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id('m', more.parent?.path ?? [], String(more.offset));
    item.description = `${formatCount(more.remaining)} not shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: 'cable.cablesView.showMore', title: 'Show More Cables', arguments: [more] };
    return item;
  }

  /** Ids keep expanded groups expanded across refreshes; the grouping is in them, as its groups are other groups. */
  private id(kind: string, path: string[], leaf = ''): string {
    return `${this.query.grouping}/${kind}/${pathKey(path)}/${leaf}`;
  }
}

function pathKey(path: string[]): string {
  return path.map(encodeURIComponent).join('/');
}
