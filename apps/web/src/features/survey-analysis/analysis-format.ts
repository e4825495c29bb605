import {
  SERVQUAL_DIMENSIONS,
  SURVEY_SMALL_SAMPLE,
  type ServqualDimension,
  type SurveyAnalysis,
  type SurveyContent,
} from '@qloop/contracts';

/**
 * Pure helpers of the satisfaction analysis (满意度分析): numbers as the page shows them, the gaps'
 * colours, the quadrants' and dimensions' names, the question texts by key and the sample
 * warnings turned into alerts.
 */

export type Quadrant = SurveyAnalysis['ipa']['items'][number]['quadrant'];
export type ServqualItem = SurveyAnalysis['servqual']['items'][number];
export type AnalysisWarningCode = SurveyAnalysis['warnings'][number]['code'];

/** The four IPA quadrants, in reading order: top left, top right, bottom left, bottom right. */
export const QUADRANTS: readonly Quadrant[] = [
  'concentrate_here',
  'keep_up',
  'low_priority',
  'possible_overkill',
];

/** Each quadrant's colour: red to fix first, green to keep, grey for later, orange where effort may be spent beyond need. */
export const QUADRANT_COLOURS: Record<Quadrant, string> = {
  concentrate_here: '#f5222d',
  keep_up: '#52c41a',
  low_priority: '#8c8c8c',
  possible_overkill: '#fa8c16',
};

/** The i18n key of a quadrant's name (重点改进区 …). */
export const quadrantLabelKey = (q: Quadrant) => `surveyAnalysis.quadrant_${q}` as const;

/** The i18n key of a SERVQUAL dimension's name (有形性 …); null for a dimension this page does not know. */
export function dimensionLabelKey(d: string) {
  return (SERVQUAL_DIMENSIONS as readonly string[]).includes(d)
    ? (`surveyAnalysis.dim_${d as ServqualDimension}` as const)
    : null;
}

export const GAP_COLOURS = { negative: '#f5222d', positive: '#52c41a', neutral: '#bfbfbf' } as const;

/** A SERVQUAL gap's colour: below expectation red, above it green, on it (or unknown) grey. */
export function gapColour(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || gap === 0) return GAP_COLOURS.neutral;
  return gap < 0 ? GAP_COLOURS.negative : GAP_COLOURS.positive;
}

/** A figure with up to `digits` decimals in the locale's digits; '—' when there is none. */
export function formatScore(v: number | null | undefined, locale: string, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
}

/** A gap with its sign (+0.5, −2.33, 0); '—' when there is none. */
export function formatGap(v: number | null | undefined, locale: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })
    .format(v)
    .replace('-', '−');
}

/** The questions' texts by key in the current language (the published version's; an unknown key shows as itself). */
export function questionTexts(content: SurveyContent | null | undefined, en: boolean): Map<string, string> {
  return new Map((content?.questions ?? []).map((q) => [q.key, en ? q.textEn : q.textZh]));
}

export interface DimensionRow {
  dimension: string;
  gap: number | null;
  items: number;
  /** unweighted means of the dimension's items, as the server averages their gaps */
  expectation: number | null;
  perception: number | null;
}

const mean = (xs: readonly number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;

/**
 * The SERVQUAL dimensions in their canonical order (有形性, 可靠性, 响应性, 保证性, 移情性; any other
 * after them), each with its gap from the server and the mean expectation and perception of its
 * items for the tooltip.
 */
export function dimensionRows(servqual: SurveyAnalysis['servqual']): DimensionRow[] {
  const order = (d: string) => {
    const i = (SERVQUAL_DIMENSIONS as readonly string[]).indexOf(d);
    return i === -1 ? SERVQUAL_DIMENSIONS.length : i;
  };
  return [...servqual.dimensions]
    .sort((a, b) => order(a.dimension) - order(b.dimension) || a.dimension.localeCompare(b.dimension))
    .map((d) => {
      const items = servqual.items.filter((i) => i.dimension === d.dimension);
      return {
        dimension: d.dimension,
        gap: d.gap,
        items: d.items,
        expectation: mean(items.flatMap((i) => (i.expectation === null ? [] : [i.expectation]))),
        perception: mean(items.flatMap((i) => (i.perception === null ? [] : [i.perception]))),
      };
    });
}

/** One alert over the figures: the i18n key's suffix (the warning's code), its colour and what it says. */
export interface AnalysisAlert {
  code: AnalysisWarningCode;
  type: 'warning' | 'info';
  values: Record<string, string | number>;
}

/**
 * The server's warnings as the page says them: a small sample and a low response rate as warnings
 * with their numbers, no answers at all as information. (The server's English message is not shown;
 * each code is translated with the figures it is about.)
 */
export function analysisAlerts(
  a: Pick<SurveyAnalysis, 'warnings' | 'responses' | 'invited' | 'responseRate'>,
  locale: string,
): AnalysisAlert[] {
  return a.warnings.map((w): AnalysisAlert => {
    switch (w.code) {
      case 'small_sample':
        return { code: w.code, type: 'warning', values: { n: a.responses, min: SURVEY_SMALL_SAMPLE } };
      case 'low_response_rate':
        return {
          code: w.code,
          type: 'warning',
          values: { rate: formatScore(a.responseRate, locale, 1), invited: a.invited },
        };
      case 'no_answers':
        return { code: w.code, type: 'info', values: {} };
    }
  });
}

/** NPS's three groups as shares of the answers (%), for the stacked bar under the figure. */
export function npsShares(
  nps: SurveyAnalysis['nps'],
): { promoters: number; passives: number; detractors: number } | null {
  if (!nps.n) return null;
  const pct = (x: number) => Math.round((x / nps.n) * 1000) / 10;
  return { promoters: pct(nps.promoters), passives: pct(nps.passives), detractors: pct(nps.detractors) };
}

/** The child units' rows: the unit itself (answers filed on it directly) first, then by code. */
export function unitRows<U extends { orgUnitId: string }>(
  rows: readonly U[],
  current: string,
  codeOf: (id: string) => string,
): (U & { self: boolean })[] {
  return rows
    .map((r) => ({ ...r, self: r.orgUnitId === current }))
    .sort(
      (a, b) => Number(b.self) - Number(a.self) || codeOf(a.orgUnitId).localeCompare(codeOf(b.orgUnitId)),
    );
}
