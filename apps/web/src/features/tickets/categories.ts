import type { Category } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/tickets';

/** A TreeSelect node of the category tree; `path` is the full name (服务类 / 计费 / 误收费) shown once chosen. */
export interface CategoryOption {
  value: string;
  title: string;
  path: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: CategoryOption[];
}

/**
 * The category tree in the current language: names by id, full paths, and TreeSelect data.
 * `activeOnly` leaves out retired categories (not offered for new tickets; still shown on old ones).
 */
export function useCategoryTree(activeOnly = false) {
  const { data: categories, isLoading } = useCategories();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';

  return useMemo(() => {
    const list = categories ?? [];
    const byId = new Map<string, Category>(list.map((c) => [c.id, c]));
    const nameOf = (c: Category) => (en && c.nameEn ? c.nameEn : c.name);
    const pathOf = (id: string) => {
      const c = byId.get(id);
      if (!c) return undefined;
      const ids = c.path.length ? c.path : [c.id];
      return ids
        .map((p) => byId.get(p))
        .filter((x): x is Category => !!x)
        .map(nameOf)
        .join(' / ');
    };

    const children = new Map<string | null, Category[]>();
    for (const c of list) {
      if (activeOnly && !c.active) continue;
      const k = c.parentId;
      children.set(k, [...(children.get(k) ?? []), c]);
    }
    const build = (parent: string | null): CategoryOption[] =>
      (children.get(parent) ?? [])
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((c) => {
          const kids = build(c.id);
          return {
            value: c.id,
            title: nameOf(c),
            path: pathOf(c.id) ?? nameOf(c),
            // the top level (网络类 / 业务类 / 服务类) is too broad to file a ticket under
            selectable: c.level > 1,
            children: kids.length ? kids : undefined,
          };
        });
    const tree = build(null);

    return {
      loading: isLoading,
      tree,
      /** the category's own name in the current language (the API sends the Chinese one) */
      name: (id: string) => {
        const c = byId.get(id);
        return c ? nameOf(c) : undefined;
      },
      path: pathOf,
    };
  }, [categories, isLoading, en, activeOnly]);
}
