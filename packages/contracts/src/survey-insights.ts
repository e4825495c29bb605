import { z } from 'zod';
import { LIMITS, PageQuery, pageOf } from './common.js';
import { SurveyAnalysisQuery, SurveyDay } from './surveys.js';

/**
 * Survey insights (满意度分析, continued): the customers' own words (原话) with their jieba keywords
 * and a keyword cloud, the figures over time, and breakdowns by channel, category, staff and unit.
 * Every query reads the same survey, org subtree and period as the analysis (SurveyAnalysisQuery).
 */

/** Where a comment's score puts it: NPS detractor (0–6), passive (7–8) or promoter (9–10). */
export const SCORE_BANDS = ['detractor', 'passive', 'promoter'] as const;
export const ScoreBand = z.enum(SCORE_BANDS);
export type ScoreBand = z.infer<typeof ScoreBand>;
/** The NPS scores of each band (inclusive). */
export const SCORE_BAND_RANGES: Record<ScoreBand, { min: number; max: number }> = {
  detractor: { min: 0, max: 6 },
  passive: { min: 7, max: 8 },
  promoter: { min: 9, max: 10 },
};

export const SURVEY_INSIGHT_LIMITS = {
  /** keywords kept per comment (the strongest by TF-IDF) */
  keywordsPerComment: 6,
  /** the most a keyword cloud shows */
  cloudMax: 100,
  cloudDefault: 40,
  /** the most buckets a trend draws: a longer period needs a coarser granularity */
  trendBucketsMax: 400,
  keywordMax: 40,
} as const;

const Day = SurveyDay;

/** What narrows a set of comments beyond survey, unit and period. */
const CommentFilters = {
  /** comments whose keywords include this word (from the cloud) */
  keyword: z.string().trim().min(1).max(SURVEY_INSIGHT_LIMITS.keywordMax).optional(),
  /** NPS band of the answer the comment came with */
  band: ScoreBand.optional(),
  /** the answer's CSAT at most this (e.g. 2: the dissatisfied) */
  csatMax: z.coerce.number().int().min(1).max(5).optional(),
  /** the service channel (the ticket's, else the answer's own) */
  channel: z.string().trim().min(1).max(40).optional(),
};

export const SURVEY_COMMENT_SORTS = ['-createdAt', 'createdAt', 'csat', '-csat', 'nps', '-nps'] as const;
export const SurveyCommentsQuery = PageQuery.extend({
  survey: z.uuid(),
  /** the org unit and its subtree (default: your own) */
  orgUnit: z.uuid().optional(),
  from: Day,
  to: Day,
  ...CommentFilters,
  /** newest first by default; csat / nps: the lowest scores first (answers without the score last) */
  sort: z.enum(SURVEY_COMMENT_SORTS).default('-createdAt'),
});
export type SurveyCommentsQuery = z.input<typeof SurveyCommentsQuery>;

/** One free-text answer (原话). Mobile numbers in the text are masked unless you may see them (pii:unmask). */
export const SurveyComment = z.object({
  responseId: z.uuid(),
  questionKey: z.string(),
  text: z.string(),
  keywords: z.array(z.string()),
  orgUnitId: z.uuid().nullable(),
  channel: z.string(),
  csat: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  createdAt: z.string(),
});
export type SurveyComment = z.infer<typeof SurveyComment>;
export const SurveyCommentPage = pageOf(SurveyComment);
export type SurveyCommentPage = z.infer<typeof SurveyCommentPage>;

export const SurveyKeywordsQuery = SurveyAnalysisQuery.extend({
  band: CommentFilters.band,
  csatMax: CommentFilters.csatMax,
  channel: CommentFilters.channel,
  limit: z.coerce.number().int().min(1).max(SURVEY_INSIGHT_LIMITS.cloudMax).default(SURVEY_INSIGHT_LIMITS.cloudDefault),
});
export type SurveyKeywordsQuery = z.input<typeof SurveyKeywordsQuery>;

/** The keyword cloud: the most frequent keywords of the filtered comments. */
export const SurveyKeywords = z.object({
  /** comments in the filtered set */
  comments: z.number().int(),
  items: z.array(
    z.object({
      keyword: z.string(),
      /** comments containing it */
      count: z.number().int(),
      /** of those, from NPS detractors (0–6), and how many had an NPS answer at all */
      detractors: z.number().int(),
      npsAnswered: z.number().int(),
      /** detractors ÷ npsAnswered × 100; null without NPS answers */
      detractorShare: z.number().nullable(),
    }),
  ),
});
export type SurveyKeywords = z.infer<typeof SurveyKeywords>;

/* ---------- figures with their counts ---------- */

/** CSAT with what it is made of; `small`: fewer than SURVEY_SMALL_SAMPLE answers (no answers: value null, not small). */
export const CsatFigure = z.object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int(), small: z.boolean() });
export const NpsFigure = z.object({
  value: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  n: z.number().int(),
  small: z.boolean(),
});

/* ---------- trend ---------- */

export const TREND_GRANULARITIES = ['day', 'week', 'month'] as const;
export const TrendGranularity = z.enum(TREND_GRANULARITIES);
export type TrendGranularity = z.infer<typeof TrendGranularity>;
export const SurveyTrendQuery = SurveyAnalysisQuery.extend({
  /** calendar days, Monday-to-Sunday weeks or months in the organisation's time zone (Asia/Shanghai) */
  granularity: TrendGranularity.default('day'),
});
export type SurveyTrendQuery = z.input<typeof SurveyTrendQuery>;

export const SurveyTrend = z.object({
  granularity: TrendGranularity,
  buckets: z.array(
    z.object({
      /** the bucket's calendar start (a week's Monday, a month's 1st) */
      bucket: Day,
      /** the days of the period it covers (the first and last bucket may be cut by the period) */
      from: Day,
      to: Day,
      responses: z.number().int(),
      csat: CsatFigure,
      nps: NpsFigure,
      /** weighted mean of the perception elements (0–100) and the element answers it rests on */
      satIndex: z.object({ value: z.number().nullable(), n: z.number().int(), small: z.boolean() }),
    }),
  ),
});
export type SurveyTrend = z.infer<typeof SurveyTrend>;

/* ---------- breakdowns ---------- */

/**
 * - channel: the service channel — the answered ticket's (热线, 营业厅 …), else the answer's own (sms, link, qr …);
 * - category: the answered ticket's category at level 1 or 2;
 * - staff: who served — the answer's staff, else the answered ticket's assignee;
 * - orgUnit: the child units of the unit shown (the unit itself for answers filed on it directly).
 * Answers without the attribute (no ticket, nobody assigned) make one row with key null.
 */
export const SURVEY_BREAKDOWN_DIMENSIONS = ['channel', 'category', 'staff', 'orgUnit'] as const;
export const SurveyBreakdownDimension = z.enum(SURVEY_BREAKDOWN_DIMENSIONS);
export type SurveyBreakdownDimension = z.infer<typeof SurveyBreakdownDimension>;
export const SURVEY_BREAKDOWN_SORTS = ['-responses', 'responses', 'csat', '-csat', 'nps', '-nps', 'name', '-name'] as const;
export const SurveyBreakdownQuery = SurveyAnalysisQuery.extend({
  by: SurveyBreakdownDimension,
  categoryLevel: z.coerce.number().int().min(1).max(2).default(2),
  /** most answers first by default; csat / nps ascending: the weakest first (no figure last) */
  sort: z.enum(SURVEY_BREAKDOWN_SORTS).default('-responses'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type SurveyBreakdownQuery = z.input<typeof SurveyBreakdownQuery>;

export const SurveyBreakdownRow = z.object({
  /** the channel code, category id, user id or org unit id; null: answers without it */
  key: z.string().nullable(),
  /** a category's, user's or unit's name (null for channels: the page translates the code) */
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  responses: z.number().int(),
  csat: CsatFigure,
  nps: NpsFigure,
  /** fewer than SURVEY_SMALL_SAMPLE answers */
  small: z.boolean(),
});
export type SurveyBreakdownRow = z.infer<typeof SurveyBreakdownRow>;
export const SurveyBreakdown = pageOf(SurveyBreakdownRow).extend({ by: SurveyBreakdownDimension });
export type SurveyBreakdown = z.infer<typeof SurveyBreakdown>;
