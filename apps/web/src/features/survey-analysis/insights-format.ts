import {
  SCORE_BAND_RANGES,
  type ScoreBand,
  type SurveyKeywords,
  type TrendGranularity,
} from '@qloop/contracts';

/**
 * Pure helpers of the analysis's trend, breakdown and comments: the granularity a period reads
 * best in, bucket labels, the keyword cloud's sizes and colours, a comment split around the
 * keyword it was found by, and the colour of a score.
 */

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Days for a month or less, weeks up to half a year, months beyond. */
export function defaultGranularity(from: string, to: string): TrendGranularity {
  const n = days(from, to);
  return n <= 31 ? 'day' : n <= 190 ? 'week' : 'month';
}

/** The granularities that make a readable chart for the period (at most 400 points, more than one where possible). */
export function granularitiesFor(from: string, to: string): TrendGranularity[] {
  const n = days(from, to);
  return (['day', 'week', 'month'] as const).filter((g) =>
    g === 'day' ? n <= 400 : g === 'week' ? n > 7 : n > 31,
  );
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis label for a bucket by its first day: 3/9 or Mar 9 for a day or a week, 2026年3月 or Mar 2026 for a month. */
export function bucketLabel(bucket: string, g: TrendGranularity, locale: string): string {
  const [y, m, d] = bucket.split('-').map(Number) as [number, number, number];
  const en = locale === 'en-US';
  if (g === 'month') return en ? `${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月`;
  return en ? `${MONTHS_EN[m - 1]} ${d}` : `${m}/${d}`;
}

/* ---------- the keyword cloud ---------- */

export interface CloudTag {
  keyword: string;
  count: number;
  /** font size in px, by the square root of the count between the smallest and the largest */
  size: number;
  /** red where most of its comments come from detractors, orange mixed, green mostly not; grey without NPS answers */
  colour: string;
  detractorShare: number | null;
}

export const CLOUD_SIZES = { min: 12, max: 30 } as const;
export const CLOUD_COLOURS = {
  bad: '#cf1322',
  mixed: '#d46b08',
  good: '#389e0d',
  unknown: '#595959',
} as const;

/** The colour of a keyword by the share of its comments from NPS detractors. */
export function cloudColour(detractorShare: number | null): string {
  if (detractorShare === null) return CLOUD_COLOURS.unknown;
  return detractorShare >= 50
    ? CLOUD_COLOURS.bad
    : detractorShare >= 25
      ? CLOUD_COLOURS.mixed
      : CLOUD_COLOURS.good;
}

/**
 * The cloud's tags in reading order (alphabetical, so sizes mix rather than shrink down a list),
 * each sized by its count and coloured by its detractor share.
 */
export function cloudTags(items: SurveyKeywords['items'], locale: string): CloudTag[] {
  if (!items.length) return [];
  const roots = items.map((i) => Math.sqrt(i.count));
  const lo = Math.min(...roots);
  const hi = Math.max(...roots);
  return items
    .map((i) => ({
      keyword: i.keyword,
      count: i.count,
      detractorShare: i.detractorShare,
      colour: cloudColour(i.detractorShare),
      size: Math.round(
        hi === lo
          ? (CLOUD_SIZES.min + CLOUD_SIZES.max) / 2
          : CLOUD_SIZES.min + ((Math.sqrt(i.count) - lo) / (hi - lo)) * (CLOUD_SIZES.max - CLOUD_SIZES.min),
      ),
    }))
    .sort((a, b) => a.keyword.localeCompare(b.keyword, locale));
}

/* ---------- comments ---------- */

/** The text in parts, those matching the keyword marked (Latin letters compared case-blind). */
export function highlightParts(text: string, keyword: string | undefined): { text: string; hit: boolean }[] {
  const k = keyword?.trim();
  if (!k) return [{ text, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  const lower = text.toLowerCase();
  const needle = k.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, at)) {
    if (i > at) out.push({ text: text.slice(at, i), hit: false });
    out.push({ text: text.slice(i, i + needle.length), hit: true });
    at = i + needle.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** The NPS band of a score, or null without one. */
export function bandOf(nps: number | null): ScoreBand | null {
  if (nps === null) return null;
  return (
    (Object.keys(SCORE_BAND_RANGES) as ScoreBand[]).find(
      (b) => nps >= SCORE_BAND_RANGES[b].min && nps <= SCORE_BAND_RANGES[b].max,
    ) ?? null
  );
}

export const BAND_COLOURS: Record<ScoreBand, string> = {
  detractor: 'red',
  passive: 'default',
  promoter: 'green',
};

/** A CSAT tag's colour: dissatisfied (1–2) red, neutral (3) default, satisfied (4–5) green. */
export function csatColour(csat: number | null): string {
  if (csat === null) return 'default';
  return csat <= 2 ? 'red' : csat === 3 ? 'default' : 'green';
}
