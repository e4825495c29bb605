import type { CategoryNode } from '@qloop/contracts';

/** A category with its children, for the tree table. */
export interface CategoryTreeNode extends CategoryNode {
  children?: CategoryTreeNode[];
}

export interface CategoryIndex {
  byId: Map<string, CategoryNode>;
  /** ids of all categories below each one (not itself) */
  descendants: Map<string, CategoryNode[]>;
}

export function indexCategories(list: readonly CategoryNode[]): CategoryIndex {
  const byId = new Map(list.map((c) => [c.id, c]));
  const descendants = new Map<string, CategoryNode[]>(list.map((c) => [c.id, []]));
  for (const c of list) {
    for (const ancestor of c.path) if (ancestor !== c.id) descendants.get(ancestor)?.push(c);
  }
  return { byId, descendants };
}

/** Does the category's Chinese or English name, or its code, contain the search text? */
export function categoryMatches(c: CategoryNode, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [c.name, c.nameEn ?? '', c.code].some((s) => s.toLowerCase().includes(needle));
}

/**
 * Rebuilds the tree from the flat list, siblings by sort then code. With `keep`, only the kept
 * categories and their ancestors stay (a search shows where each match sits in the tree).
 */
export function buildCategoryTree(list: readonly CategoryNode[], keep?: (c: CategoryNode) => boolean): CategoryTreeNode[] {
  const visible = new Set<string>();
  for (const c of list) if (!keep || keep(c)) for (const id of c.path) visible.add(id);
  const nodes = new Map<string, CategoryTreeNode>();
  for (const c of list) if (visible.has(c.id)) nodes.set(c.id, { ...c });
  const roots: CategoryTreeNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  const sort = (xs: CategoryTreeNode[]) => {
    xs.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
    for (const x of xs) if (x.children) sort(x.children);
  };
  sort(roots);
  return roots;
}
