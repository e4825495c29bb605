import { z } from 'zod';
import { PageQuery, Uuid } from './common.js';

/**
 * Satisfaction surveys (满意度调查, issue 6). A survey is a questionnaire in Chinese and English;
 * publishing freezes its content as a numbered version (answers keep the version they answered);
 * editing a published survey works on a draft of the next version.
 */

/**
 * Question types:
 * - csat: 1–5 rating (feeds CSAT: 4–5 ÷ answers);
 * - nps: 0–10 likelihood to recommend (feeds NPS);
 * - stars: 1–5 stars / emoji;
 * - single / multiple: choice among options;
 * - text: free text (verbatim comments, keywords);
 * - servqual: a paired item, expectation and perception each 1–7 (gap = perception − expectation).
 */
export const QUESTION_TYPES = ['csat', 'nps', 'stars', 'single', 'multiple', 'text', 'servqual'] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

/** SERVQUAL's five dimensions: 有形性, 可靠性, 响应性, 保证性, 移情性. */
export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export const ServqualDimension = z.enum(SERVQUAL_DIMENSIONS);
export type ServqualDimension = z.infer<typeof ServqualDimension>;

/** The scale each scored type answers on. */
export const QUESTION_SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  stars: { min: 1, max: 5 },
  servqual: { min: 1, max: 7 },
};

export const SURVEY_LIMITS = { questionsMax: 50, optionsMax: 20, textMax: 500, answerTextMax: 2000 } as const;

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a key is lowercase letters, digits and underscores, starting with a letter (at most 40)');
const Text = z.string().trim().min(1, 'required').max(SURVEY_LIMITS.textMax);

export const SurveyOption = z.strictObject({ value: Key, labelZh: Text, labelEn: Text });
export type SurveyOption = z.infer<typeof SurveyOption>;

export const SurveyQuestion = z
  .strictObject({
    /** stable within the survey: answers are keyed by it */
    key: Key,
    type: QuestionType,
    textZh: Text,
    textEn: Text,
    required: z.boolean().default(true),
    /** single / multiple only */
    options: z.array(SurveyOption).min(2, 'a choice needs at least two options').max(SURVEY_LIMITS.optionsMax).optional(),
    /** the perception element (a level-2 category of the 3 categories / 19 elements) the question measures */
    elementId: Uuid.optional(),
    /** servqual only: the SERVQUAL dimension of the item */
    dimension: ServqualDimension.optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice && !q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs its options' });
    if (!choice && q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must differ' });
    if (q.type === 'servqual' && !q.dimension) ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'a SERVQUAL item needs its dimension' });
    if (q.type !== 'servqual' && q.dimension) ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'only SERVQUAL items have a dimension' });
  });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** What a version holds. At most one csat and one nps question: they are the survey's headline scores. */
export const SurveyContent = z
  .strictObject({
    nameZh: Text,
    nameEn: Text,
    introZh: z.string().trim().max(SURVEY_LIMITS.textMax).default(''),
    introEn: z.string().trim().max(SURVEY_LIMITS.textMax).default(''),
    questions: z.array(SurveyQuestion).min(1, 'a survey needs a question').max(SURVEY_LIMITS.questionsMax),
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.questions.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'key'], message: `the key “${q.key}” is already used by question ${seen.get(q.key)! + 1}` });
      else seen.set(q.key, i);
    });
    for (const type of ['csat', 'nps'] as const) {
      const idx = c.questions.map((q, i) => (q.type === type ? i : -1)).filter((i) => i >= 0);
      if (idx.length > 1) ctx.addIssue({ code: 'custom', path: ['questions', idx[1]!, 'type'], message: `a survey has at most one ${type.toUpperCase()} question` });
    }
  });
export type SurveyContent = z.infer<typeof SurveyContent>;

export const SURVEY_STATES = ['draft', 'published', 'retired'] as const;
export const SurveyState = z.enum(SURVEY_STATES);
export type SurveyState = z.infer<typeof SurveyState>;

export const SurveyVersion = z.object({
  version: z.number().int(),
  content: SurveyContent,
  /** null for the draft */
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** the display name of who published it */
  publishedByName: z.string().nullable().optional(),
  /** answers given to this version */
  responses: z.number().int(),
});
export type SurveyVersion = z.infer<typeof SurveyVersion>;

export const SurveySummary = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** published: answerable (its latest published version); draft: never published; retired: no longer sent */
  state: SurveyState,
  publishedVersion: z.number().int().nullable(),
  /** the version being edited, if any (published + 1, or 1 before the first publication) */
  draftVersion: z.number().int().nullable(),
  questions: z.number().int(),
  responses: z.number().int(),
  updatedAt: z.string(),
  /** optimistic concurrency: send it with a change */
  rowVersion: z.number().int(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const SurveyDetail = SurveySummary.extend({
  /** which scores open a service-recovery ticket (see SurveyRecoverySettings) */
  recovery: z.object({ csatAtMost: z.number().int().nullable(), npsAtMost: z.number().int().nullable() }),
  draft: SurveyVersion.nullable(),
  published: SurveyVersion.nullable(),
  /** every published version, newest first, without content */
  history: z.array(SurveyVersion.omit({ content: true }).extend({ nameZh: z.string(), nameEn: z.string() })),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

export const SurveyCode = z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a code is letters, digits, - and _');
export const CreateSurveyBody = z.strictObject({ code: SurveyCode, content: SurveyContent });
export type CreateSurveyBody = z.input<typeof CreateSurveyBody>;
/** Saves the draft (creating it from the published version's content when there is none). */
export const SaveSurveyDraftBody = z.strictObject({ content: SurveyContent, rowVersion: z.number().int().min(1) });
export type SaveSurveyDraftBody = z.input<typeof SaveSurveyDraftBody>;
export const SurveyActionBody = z.strictObject({ rowVersion: z.number().int().min(1) });

export const SURVEY_SORTS = ['code', '-code', 'updatedAt', '-updatedAt', 'responses', '-responses'] as const;
export const SurveyListQuery = PageQuery.extend({
  state: SurveyState.optional(),
  /** code or name contains */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SURVEY_SORTS).default('-updatedAt'),
});
export const SurveyVersionParams = z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1) });

/* ---------- answering ---------- */

/**
 * One answer: a score (csat 1–5, nps 0–10, stars 1–5), an option value (single), option values
 * (multiple), text, or a SERVQUAL pair (expectation and perception, 1–7).
 */
export const SurveyAnswer = z.union([
  z.number(),
  z.string().max(SURVEY_LIMITS.answerTextMax),
  z.array(z.string().max(40)).max(SURVEY_LIMITS.optionsMax),
  z.strictObject({ expectation: z.number(), perception: z.number() }),
]);
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;
/** Answers keyed by question key. */
export const SurveyAnswers = z.record(z.string().max(40), SurveyAnswer).refine((a) => Object.keys(a).length <= SURVEY_LIMITS.questionsMax, 'too many answers');
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const SurveyToken = z.string().min(10).max(1000);
export const SurveyTokenParams = z.strictObject({ token: SurveyToken });

/**
 * Why a link cannot be answered, for a friendly page: invalid (tampered, unknown, another survey's),
 * expired, answered (the link is single-use), closed (the survey was retired).
 */
export const SURVEY_LINK_REFUSALS = ['invalid', 'expired', 'answered', 'closed'] as const;
export type SurveyLinkRefusal = (typeof SURVEY_LINK_REFUSALS)[number];

/** What the public answer page loads: the version the link was sent for, and the progress saved so far. */
export const PublicSurvey = z.object({
  surveyId: z.uuid(),
  version: z.number().int(),
  content: SurveyContent,
  progress: SurveyAnswers.nullable(),
  expiresAt: z.string(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;
export const SurveyProgressBody = z.strictObject({ answers: SurveyAnswers });
export const SurveySubmitBody = z.strictObject({ answers: SurveyAnswers });
export const SurveySubmitResult = z.object({ ok: z.literal(true), responseId: z.uuid() });

export const SURVEY_INVITE_CHANNELS = ['sms', 'email', 'link'] as const;
/** Every channel an invitation and its answer can carry: the ones sent by hand, and qr for a link minted by scanning a printed code (扫码评价). */
export const SURVEY_CHANNELS = [...SURVEY_INVITE_CHANNELS, 'qr'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
/** An invitation made by hand (automatic post-ticket sending comes with the rules): to a ticket's customer, or a customer. */
export const CreateInvitationBody = z
  .strictObject({
    ticketId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    channel: z.enum(SURVEY_INVITE_CHANNELS).default('link'),
    expiresInDays: z.number().int().min(1).max(90).default(7),
  })
  .refine((b) => !!b.ticketId !== !!b.customerId, { message: 'invite about a ticket or to a customer (one of them)', path: ['ticketId'] });
export const SurveyInvitation = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  version: z.number().int(),
  ticketId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  orgUnitId: z.uuid().nullable(),
  channel: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  /** the signed single-use link token (only when just created) */
  token: z.string().optional(),
  /** the answer page's path for the token */
  path: z.string().optional(),
});
export type SurveyInvitation = z.infer<typeof SurveyInvitation>;

/* ---------- automatic post-ticket sending ---------- */

/**
 * A sending rule: when a ticket reaches `trigger` (answered 答复 or closed 关闭) and matches the
 * types, channels and categories (empty = any; a category includes its subtree), its customer gets
 * the survey by SMS — unless they declined surveys or were invited to any survey in the last
 * `cooldownDays` days. The first matching active rule (oldest first) wins.
 */
export const SurveyRuleSave = z.strictObject({
  surveyId: z.uuid(),
  trigger: z.enum(['answered', 'closed']),
  types: z.array(z.enum(['consultation', 'business', 'fault', 'complaint', 'suggestion', 'praise'])).max(6).default([]),
  channels: z.array(z.enum(['hotline', 'store', 'web', 'app_api', 'e_channel', 'social_media', 'regulator'])).max(7).default([]),
  categoryIds: z.array(z.uuid()).max(50).default([]),
  cooldownDays: z.number().int().min(0).max(365).default(30),
  expiresInDays: z.number().int().min(1).max(90).default(7),
  active: z.boolean().default(true),
});
export type SurveyRuleSave = z.input<typeof SurveyRuleSave>;
export const SurveyRuleUpdate = SurveyRuleSave.extend({ version: z.number().int().min(1) });
export const SurveyRule = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyCode: z.string(),
  surveyNameZh: z.string(),
  surveyNameEn: z.string(),
  trigger: z.enum(['answered', 'closed']),
  types: z.array(z.string()),
  channels: z.array(z.string()),
  categoryIds: z.array(z.uuid()),
  cooldownDays: z.number().int(),
  expiresInDays: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** invitations this rule has sent, and tickets it skipped (cool-down, consent, no phone) */
  sent: z.number().int(),
  skipped: z.number().int(),
});
export type SurveyRule = z.infer<typeof SurveyRule>;

/* ---------- service recovery (服务补救) ---------- */

/** Which scores open a recovery ticket: CSAT at most csatAtMost, NPS at most npsAtMost (null: never). */
export const SurveyRecoverySettings = z.strictObject({
  csatAtMost: z.number().int().min(1).max(5).nullable(),
  npsAtMost: z.number().int().min(0).max(10).nullable(),
});
export type SurveyRecoverySettings = z.infer<typeof SurveyRecoverySettings>;
export const SaveRecoverySettingsBody = SurveyRecoverySettings.extend({ rowVersion: z.number().int().min(1) });

/** The recovery statuses a list filters by: open (the loop not closed yet), recovered / lost (recorded). */
export const SURVEY_RECOVERY_STATUSES = ['open', 'recovered', 'lost'] as const;
export type SurveyRecoveryStatus = (typeof SURVEY_RECOVERY_STATUSES)[number];
/** Newest (the default) or oldest first, by when the low answer came in. */
export const SURVEY_RECOVERY_SORTS = ['-createdAt', 'createdAt'] as const;
/** The longest note on a recorded outcome. */
export const SURVEY_RECOVERY_NOTE_MAX = 1000;

/** One answered question of the low answer, in words in both languages, for the agent who calls the customer back. */
export const SurveyRecoveryAnswer = z.object({
  key: z.string(),
  type: QuestionType,
  questionZh: z.string(),
  questionEn: z.string(),
  /** option labels for choices, "期望 7 / 感知 2" for SERVQUAL pairs, the number for scores, the text as written */
  answerZh: z.string(),
  answerEn: z.string(),
});
export type SurveyRecoveryAnswer = z.infer<typeof SurveyRecoveryAnswer>;

export const SurveyRecovery = z.object({
  responseId: z.uuid(),
  ticketId: z.uuid(),
  ticketNo: z.string(),
  ticketState: z.string(),
  orgUnitId: z.uuid(),
  surveyId: z.uuid(),
  surveyCode: z.string(),
  /** the survey's name as the customer saw it (the version answered) */
  surveyNameZh: z.string(),
  surveyNameEn: z.string(),
  /** the ticket the low answer was about, if any (the recovery ticket follows it up) */
  originTicketId: z.uuid().nullable(),
  originTicketNo: z.string().nullable(),
  /** why: e.g. "CSAT 2 ≤ 2" */
  reason: z.string(),
  csat: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  /** the answers, question by question, in the survey's order */
  answers: z.array(SurveyRecoveryAnswer),
  /** null until the loop is closed */
  recovered: z.boolean().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string().nullable(),
  /** who recorded the outcome */
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type SurveyRecovery = z.infer<typeof SurveyRecovery>;
// a calendar date: 2026-02-30 is refused here, not by the database
/** A calendar day (Asia/Shanghai) in a survey filter: YYYY-MM-DD, and a real one (not 2026-02-30). */
export const SurveyDay = z.iso.date({ message: 'a date is YYYY-MM-DD, and a real one' });
const Day = SurveyDay;
export const SurveyRecoveryListQuery = PageQuery.extend({
  /** open: the loop not closed yet; recovered / lost: recorded */
  status: z.enum(SURVEY_RECOVERY_STATUSES).optional(),
  /** the org unit (with its subtree) the low answer belongs to */
  orgUnit: z.uuid().optional(),
  /** the survey answered */
  survey: z.uuid().optional(),
  /** the recovery of one recovery ticket (the ticket page asks whether its ticket is one) */
  ticketId: z.uuid().optional(),
  /** answered between these days (Asia/Shanghai, inclusive) */
  from: Day.optional(),
  to: Day.optional(),
  sort: z.enum(SURVEY_RECOVERY_SORTS).default('-createdAt'),
});
export type SurveyRecoveryListQuery = z.infer<typeof SurveyRecoveryListQuery>;
/** The surveys that opened recoveries in the caller's scope: the choices of the list's survey filter. */
export const SurveyRecoverySurveys = z.object({
  items: z.array(z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
/** Closing the loop: was the customer won back? Needs the recovery ticket closed first. */
export const RecordRecoveryBody = z.strictObject({ recovered: z.boolean(), note: z.string().trim().max(SURVEY_RECOVERY_NOTE_MAX).default('') });
export type RecordRecoveryBody = z.input<typeof RecordRecoveryBody>;
export const ResponseIdParams = z.strictObject({ responseId: z.uuid() });

/* ---------- analysis ---------- */

export const SurveyAnalysisQuery = z.strictObject({
  survey: z.uuid(),
  /** the org unit and its subtree (default: your own) */
  orgUnit: z.uuid().optional(),
  from: Day,
  to: Day,
});
const Mean = z.number().nullable();
export const SurveyAnalysis = z.object({
  surveyId: z.uuid(),
  orgUnitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  responses: z.number().int(),
  /** invitations sent in the period, and the share of them answered (%; null without invitations) */
  invited: z.number().int(),
  responseRate: Mean,
  csat: z.object({ value: Mean, numerator: z.number().int(), denominator: z.number().int() }),
  nps: z.object({ value: Mean, promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), n: z.number().int() }),
  /** each perception element's mean score on 0–100, its answers, its weight and share in the index */
  elements: z.array(z.object({ elementId: z.uuid(), mean: Mean, n: z.number().int(), weight: z.number().nullable(), contribution: Mean })),
  satIndex: z.object({ value: Mean, scoredWeightShare: Mean }),
  /** SERVQUAL: per item and per dimension, gap = perception − expectation (1–7) */
  servqual: z.object({
    items: z.array(z.object({ key: z.string(), dimension: z.string(), expectation: Mean, perception: Mean, gap: Mean, n: z.number().int() })),
    dimensions: z.array(z.object({ dimension: z.string(), gap: Mean, items: z.number().int() })),
    overall: Mean,
  }),
  /** importance (mean expectation) against performance (mean perception), quadrants split at the means */
  ipa: z.object({
    items: z.array(z.object({ key: z.string(), importance: z.number(), performance: z.number(), quadrant: z.enum(['concentrate_here', 'keep_up', 'low_priority', 'possible_overkill']) })),
    cuts: z.object({ importance: Mean, performance: Mean }),
  }),
  /** the child units' figures (province → branch → store) */
  byUnit: z.array(z.object({ orgUnitId: z.uuid(), responses: z.number().int(), csat: Mean, nps: Mean })),
  /** small samples and low response rates, said plainly (a score from 3 answers is shown as such) */
  warnings: z.array(z.object({ code: z.enum(['small_sample', 'low_response_rate', 'no_answers']), message: z.string() })),
});
export type SurveyAnalysis = z.infer<typeof SurveyAnalysis>;
/** Below this many answers a figure is flagged as a small sample. */
export const SURVEY_SMALL_SAMPLE = 30;

/** Weights of the perception elements in the satisfaction index; an element not listed weighs 1. */
export const ElementWeight = z.strictObject({ elementId: z.uuid(), weight: z.number().positive('a weight is above 0: to leave an element out, remove it').max(1000) });
export const ElementWeights = z.object({ items: z.array(ElementWeight) });
export const SaveElementWeightsBody = z.strictObject({
  weights: z.array(ElementWeight).max(200).refine((w) => new Set(w.map((x) => x.elementId)).size === w.length, 'each element once'),
});
