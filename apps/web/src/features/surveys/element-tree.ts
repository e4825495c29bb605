import type { Category } from '@qloop/contracts';

/** A TreeSelect node of the perception elements: the categories (level 1) hold the elements (level 2). */
export interface ElementNode {
  value: string;
  title: string;
  selectable: boolean;
  children?: ElementNode[];
}

const nameOf = (c: Category, en: boolean) => (en && c.nameEn ? c.nameEn : c.name);

/**
 * The perception elements a question can measure: the category tree cut to levels 1 and 2 (三大类
 * 19 个感知要素), sorted by code, in the reader's language. Only the elements (level 2) can be
 * chosen; retired ones are left out unless `keep` names one (a saved question still shows it).
 */
export function elementTree(
  categories: readonly Category[],
  en: boolean,
  keep?: string | null,
): ElementNode[] {
  const shown = categories.filter((c) => c.level <= 2 && (c.active || c.id === keep));
  const byCode = (a: Category, b: Category) => a.code.localeCompare(b.code);
  return shown
    .filter((c) => c.level === 1)
    .sort(byCode)
    .map((top) => {
      const children = shown
        .filter((c) => c.level === 2 && c.parentId === top.id)
        .sort(byCode)
        .map((c) => ({ value: c.id, title: nameOf(c, en), selectable: true }));
      return {
        value: top.id,
        title: nameOf(top, en),
        selectable: false,
        ...(children.length ? { children } : {}),
      };
    });
}

/** An element's name in the reader's language, with its category before it when `withParent`. */
export function elementLabel(
  categories: readonly Category[],
  id: string,
  en: boolean,
  withParent = false,
): string | undefined {
  const c = categories.find((x) => x.id === id);
  if (!c) return undefined;
  const parent = withParent && c.parentId ? categories.find((x) => x.id === c.parentId) : undefined;
  return parent ? `${nameOf(parent, en)} / ${nameOf(c, en)}` : nameOf(c, en);
}
