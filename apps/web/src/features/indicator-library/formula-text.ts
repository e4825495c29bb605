import type { Indicator, MeasureFilter } from '@qloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryTree } from '../tickets/categories';

/**
 * A formula in words, in the reader's language: "升级投诉数（投诉，热线，计费） ÷ 受理数（投诉） × 100".
 * Built from the formula itself, so a custom indicator reads like a built-in.
 */
export function useFormulaText() {
  const { t, i18n } = useTranslation();
  const categories = useCategoryTree();
  const zh = i18n.language.startsWith('zh');
  const filterText = useCallback(
    (f: MeasureFilter) => {
      const parts = [
        ...(f.types ?? []).map((x) => t(`ticketType.${x}`)),
        ...(f.channels ?? []).map((x) => t(`channel.${x}`)),
        ...(f.categoryIds ?? []).map((id) => categories.name(id) ?? id.slice(0, 8)),
      ];
      const measure = t(`indicatorLib.measure_${f.measure}`);
      if (!parts.length) return measure;
      return zh ? `${measure}（${parts.join('，')}）` : `${measure} (${parts.join(', ')})`;
    },
    [t, categories, zh],
  );
  return useCallback(
    (ind: Pick<Indicator, 'formula'>): string => {
      const f = ind.formula;
      const scale = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
      switch (f.kind) {
        case 'ratio':
          return t('indicatorLib.f_ratio', {
            numerator: filterText(f.numerator),
            denominator: filterText(f.denominator),
            scale: f.scale === 1 ? '' : t('indicatorLib.times', { scale: scale(f.scale) }),
          });
        case 'per_customers':
          return t('indicatorLib.f_per_customers', {
            numerator: filterText(f.numerator),
            scale: scale(f.scale),
          });
        case 'count':
          return t('indicatorLib.f_count', { numerator: filterText(f.numerator) });
        case 'live':
          return t(`indicatorLib.f_live_${f.what}`);
        case 'survey':
          return t('indicatorLib.f_survey');
        case 'external':
          return t('indicatorLib.f_external', { grain: t(`indicatorLib.grain_${f.grain}`) });
        case 'percentile':
          return t('indicatorLib.f_percentile', { what: t(`indicatorLib.duration_${f.duration}`), q: Math.round(f.quantile * 100) });
      }
    },
    [t, filterText, i18n.language],
  );
}

/** A number in the indicator's unit: "95%", "0.5 件/万户". */
export function withUnit(n: number | null, ind: Pick<Indicator, 'unit' | 'unitEn'>, locale: string): string {
  if (n === null) return '—';
  const unit = locale.startsWith('zh') ? ind.unit : ind.unitEn;
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(n);
  return unit === '%' ? `${num}%` : `${num} ${unit}`;
}
