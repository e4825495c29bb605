import type { CreateIndicatorBody, CustomIndicatorFormula, Indicator, MeasureFilter } from '@qloop/contracts';
import { toSettingsBody } from './threshold-fields';

type FilterValues = {
  measure?: MeasureFilter['measure'];
  types?: string[];
  channels?: string[];
  categoryIds?: string[];
};

/** The form of a custom indicator: the formula taken apart into fields. */
export type IndicatorValues = {
  key?: string;
  nameZh?: string;
  nameEn?: string;
  description?: string;
  kind: CustomIndicatorFormula['kind'];
  numerator?: FilterValues;
  denominator?: FilterValues;
  scale?: number;
  grain?: 'month' | 'day';
  unit?: string;
  unitEn?: string;
  direction: Indicator['direction'];
  target?: number | null;
  thresholds?: { yellow?: number | null; orange?: number | null; red?: number | null };
  active: boolean;
};

export function toIndicatorValues(ind: Indicator | null): IndicatorValues {
  if (!ind) {
    return {
      kind: 'ratio',
      numerator: { measure: 'escalated' },
      denominator: { measure: 'accepted' },
      scale: 100,
      grain: 'month',
      unit: '%',
      unitEn: '%',
      direction: 'lower_better',
      target: null,
      thresholds: {},
      active: true,
    };
  }
  const f = ind.formula;
  const base = {
    key: ind.key,
    nameZh: ind.nameZh,
    nameEn: ind.nameEn,
    description: ind.description,
    unit: ind.unit,
    unitEn: ind.unitEn,
    direction: ind.direction,
    target: ind.target,
    thresholds: ind.thresholds,
    active: ind.active,
  };
  switch (f.kind) {
    case 'ratio':
      return { ...base, kind: 'ratio', numerator: f.numerator, denominator: f.denominator, scale: f.scale };
    case 'per_customers':
      return { ...base, kind: 'per_customers', numerator: f.numerator, scale: f.scale };
    case 'count':
      return { ...base, kind: 'count', numerator: f.numerator };
    case 'external':
      return { ...base, kind: 'external', grain: f.grain, scale: f.scale };
    default:
      // live and survey figures are built-ins, never edited here
      return { ...base, kind: 'count' };
  }
}

const filterOf = (v: FilterValues | undefined): MeasureFilter => ({
  measure: v?.measure ?? 'accepted',
  ...(v?.types?.length ? { types: v.types as MeasureFilter['types'] } : {}),
  ...(v?.channels?.length ? { channels: v.channels as MeasureFilter['channels'] } : {}),
  ...(v?.categoryIds?.length ? { categoryIds: v.categoryIds } : {}),
});

/** The form's values as the API takes them (without key and version). */
export function toIndicatorBody(v: IndicatorValues): Omit<CreateIndicatorBody, 'key'> {
  const scale = v.scale ?? 100;
  const formula: CustomIndicatorFormula =
    v.kind === 'ratio'
      ? { kind: 'ratio', numerator: filterOf(v.numerator), denominator: filterOf(v.denominator), scale }
      : v.kind === 'per_customers'
        ? { kind: 'per_customers', numerator: filterOf(v.numerator), scale }
        : v.kind === 'count'
          ? { kind: 'count', numerator: filterOf(v.numerator) }
          : { kind: 'external', grain: v.grain ?? 'month', scale };
  return {
    nameZh: v.nameZh ?? '',
    nameEn: v.nameEn ?? '',
    description: v.description ?? '',
    formula,
    unit: v.unit ?? '',
    unitEn: v.unitEn ?? '',
    direction: v.direction,
    active: v.active,
    ...toSettingsBody(v),
  };
}
