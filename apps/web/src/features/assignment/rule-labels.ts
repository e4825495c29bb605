import type { CategoryNode, SlaConditions } from '@qloop/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { useCategoryNodes } from '../admin-categories/api';
import { buildCategoryTree, type CategoryTreeNode } from '../admin-categories/category-tree';

/** A TreeSelect node of the category tree; retired categories show but cannot be picked. */
export interface CategoryChoice {
  value: string;
  title: string;
  disabled?: boolean;
  children?: CategoryChoice[];
}

/** Category names and TreeSelect data in the current language. */
export function useCategoryChoices() {
  const { data } = useCategoryNodes();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return useMemo(() => {
    const list = data ?? [];
    const byId = new Map(list.map((c) => [c.id, c]));
    const nameOf = (c: CategoryNode) => (en && c.nameEn ? c.nameEn : c.name);
    const toChoice = (n: CategoryTreeNode): CategoryChoice => ({
      value: n.id,
      title: n.active ? nameOf(n) : `${nameOf(n)} · ${t('categoryAdmin.retired')}`,
      disabled: !n.active,
      children: n.children?.map(toChoice),
    });
    return {
      tree: buildCategoryTree(list).map(toChoice),
      name: (id: string) => {
        const c = byId.get(id);
        return c ? nameOf(c) : id.slice(0, 8);
      },
    };
  }, [data, en, t]);
}

/**
 * One line per condition of a rule or SLA policy (whose conditions add priorities), e.g.
 * "渠道：热线、营业厅"; empty when it matches everything.
 */
export function useConditionLines() {
  const { t, i18n } = useTranslation();
  const categories = useCategoryChoices();
  const unitNameOf = useOrgUnitNameOf();
  const sep = i18n.language === 'en-US' ? ', ' : '、';
  const colon = i18n.language === 'en-US' ? ': ' : '：';
  return useCallback(
    (c: SlaConditions) => {
      const lines: { key: string; label: string; values: string }[] = [];
      const push = (key: string, label: string, values: string[] | undefined) => {
        if (values?.length) lines.push({ key, label, values: values.join(sep) });
      };
      push('types', t('assignment.condTypes'), c.types?.map((x) => t(`ticketType.${x}`)));
      push('channels', t('assignment.condChannels'), c.channels?.map((x) => t(`channel.${x}`)));
      push('categories', t('assignment.condCategories'), c.categoryIds?.map(categories.name));
      push('orgUnits', t('assignment.condOrgUnits'), c.orgUnitIds?.map((id) => unitNameOf(id) ?? id.slice(0, 8)));
      push('tiers', t('assignment.condTiers'), c.tiers?.map((x) => (x === 'vip' ? t('ticket.tierVip') : t('ticket.tierNormal'))));
      push('priorities', t('assignment.condPriorities'), c.priorities?.map((x) => t(`priority.${x}`)));
      return lines.map((l) => ({ ...l, prefix: `${l.label}${colon}`, text: `${l.label}${colon}${l.values}` }));
    },
    [t, categories, unitNameOf, sep, colon],
  );
}
