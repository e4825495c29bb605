import type { OrgUnit } from '@qloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A unit with its children, as Tree, TreeSelect and tree Tables want it. */
export interface OrgNode extends OrgUnit {
  children?: OrgNode[];
}

/**
 * The API returns the units in scope as a flat list; this rebuilds the tree from parentId.
 * A unit whose parent is outside the caller's scope becomes a root (a branch manager's branch).
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(units.map((u) => [u.id, { ...u }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The unit's name in the current language (nameEn when English and set). */
export function useOrgName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return useCallback((u: Pick<OrgUnit, 'name' | 'nameEn'>) => (en && u.nameEn ? u.nameEn : u.name), [en]);
}

/** TreeSelect data for the units, labelled in the current language. */
export interface OrgTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeOption[];
}

export function toTreeOptions(
  nodes: readonly OrgNode[],
  name: (u: OrgNode) => string,
  disabled?: (u: OrgNode) => boolean,
): OrgTreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: name(n),
    disabled: disabled?.(n),
    children: n.children ? toTreeOptions(n.children, name, disabled) : undefined,
  }));
}
