import {
  QUESTION_SCALES,
  SURVEY_LIMITS,
  type SurveyAnswers,
  type SurveyLinkRefusal,
  type SurveyQuestion,
} from '@qloop/contracts';

/**
 * The answer page's pure side: what counts as answered, what is still missing, what is sent, and
 * how the server's refusals and problem paths map back onto the page. No React, no fetch.
 */

/** A SERVQUAL pair while it is being filled: one half may be chosen before the other. */
export interface ServqualDraft {
  expectation?: number;
  perception?: number;
}
/** One answer as the page holds it (a SERVQUAL pair may be half done; text may be blank). */
export type DraftAnswer = number | string | string[] | ServqualDraft;
/** The page's answers, keyed by question key. */
export type Draft = Record<string, DraftAnswer | undefined>;

const inScale = (q: SurveyQuestion, v: unknown): v is number => {
  const s = QUESTION_SCALES[q.type];
  return typeof v === 'number' && Number.isInteger(v) && !!s && v >= s.min && v <= s.max;
};
const isPair = (a: unknown): a is ServqualDraft => typeof a === 'object' && a !== null && !Array.isArray(a);

/** A complete, valid answer to the question (what the server would take). */
export function isAnswered(q: SurveyQuestion, a: DraftAnswer | undefined): boolean {
  if (a === undefined) return false;
  switch (q.type) {
    case 'csat':
    case 'nps':
    case 'stars':
      return inScale(q, a);
    case 'servqual':
      return isPair(a) && inScale(q, a.expectation) && inScale(q, a.perception);
    case 'single':
      return typeof a === 'string' && !!q.options?.some((o) => o.value === a);
    case 'multiple':
      return Array.isArray(a) && a.length > 0 && a.every((v) => q.options?.some((o) => o.value === v));
    case 'text':
      return typeof a === 'string' && a.trim() !== '' && a.length <= SURVEY_LIMITS.answerTextMax;
  }
}

/** A SERVQUAL pair with one half chosen: not an answer yet, and not blank either. */
export function isHalfDone(q: SurveyQuestion, a: DraftAnswer | undefined): boolean {
  return (
    q.type === 'servqual' &&
    isPair(a) &&
    (a.expectation !== undefined || a.perception !== undefined) &&
    !isAnswered(q, a)
  );
}

/** Answered questions out of all of them, for the progress bar. */
export function progressCount(
  questions: readonly SurveyQuestion[],
  draft: Draft,
): { answered: number; total: number } {
  return { answered: questions.filter((q) => isAnswered(q, draft[q.key])).length, total: questions.length };
}

/** Why a question stops the submission: a required one unanswered, or a SERVQUAL pair half done. */
export type Problem = 'required' | 'incomplete' | 'invalid';

/** The questions that stop a submission, in page order (the first is scrolled to). */
export function submitProblems(
  questions: readonly SurveyQuestion[],
  draft: Draft,
): { key: string; problem: Problem }[] {
  const out: { key: string; problem: Problem }[] = [];
  for (const q of questions) {
    const a = draft[q.key];
    if (isAnswered(q, a)) continue;
    if (isHalfDone(q, a)) out.push({ key: q.key, problem: 'incomplete' });
    else if (q.required) out.push({ key: q.key, problem: 'required' });
  }
  return out;
}

/** The keys of the required questions not answered yet, in page order. */
export function missingRequired(questions: readonly SurveyQuestion[], draft: Draft): string[] {
  return questions.filter((q) => q.required && !isAnswered(q, draft[q.key])).map((q) => q.key);
}

/**
 * What is sent (progress or submission): the complete answers only, for this survey's questions.
 * A half-done SERVQUAL pair or blank text stays on the page but is not sent (the server would
 * refuse the pair, and a blank is no answer).
 */
export function toPayload(questions: readonly SurveyQuestion[], draft: Draft): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const q of questions) {
    const a = draft[q.key];
    if (a === undefined || !isAnswered(q, a)) continue;
    if (isPair(a)) out[q.key] = { expectation: a.expectation!, perception: a.perception! };
    else if (Array.isArray(a)) out[q.key] = [...a];
    else out[q.key] = a;
  }
  return out;
}

/** The page's starting answers from saved progress: only what still fits the questions. */
export function fromProgress(
  questions: readonly SurveyQuestion[],
  progress: SurveyAnswers | null | undefined,
): Draft {
  const out: Draft = {};
  if (!progress) return out;
  for (const q of questions) {
    const a = progress[q.key] as DraftAnswer | undefined;
    if (q.type === 'servqual' && isPair(a)) {
      // the halves still on the scale (a pair is kept half done while it is being filled)
      const pair: ServqualDraft = {};
      if (inScale(q, a.expectation)) pair.expectation = a.expectation;
      if (inScale(q, a.perception)) pair.perception = a.perception;
      if (pair.expectation !== undefined || pair.perception !== undefined) out[q.key] = pair;
    } else if (a !== undefined && (isAnswered(q, a) || (q.type === 'text' && typeof a === 'string')))
      out[q.key] = a;
  }
  return out;
}

/** Answers kept on the phone (not yet saved) laid over the saved progress: the newer wins. */
export function mergeDrafts(questions: readonly SurveyQuestion[], saved: Draft, pending: unknown): Draft {
  if (typeof pending !== 'object' || pending === null || Array.isArray(pending)) return saved;
  return { ...saved, ...fromProgress(questions, pending as SurveyAnswers) };
}

/**
 * The server's problem list (`[{ path: 'body.answers.<key>', message }]`) mapped onto the
 * questions: 'required' when the answer is missing, 'invalid' otherwise. Problems that name no
 * question of the page come back in `other` (shown above the submit button).
 */
export function problemsFromServer(
  questions: readonly SurveyQuestion[],
  details: unknown,
): { byKey: Record<string, Problem>; other: string[] } {
  const byKey: Record<string, Problem> = {};
  const other: string[] = [];
  const keys = new Set(questions.map((q) => q.key));
  if (!Array.isArray(details)) return { byKey, other };
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const rec = d as { path?: unknown; message?: unknown };
    const path = Array.isArray(rec.path) ? rec.path.join('.') : String(rec.path ?? '');
    const message = String(rec.message ?? '');
    const m = /^(?:body\.)?answers\.([^.]+)/.exec(path);
    const key = m?.[1];
    if (key && keys.has(key)) byKey[key] ??= /required/i.test(message) ? 'required' : 'invalid';
    else other.push(message || path);
  }
  return { byKey, other };
}

/** Why the page cannot be answered, for a friendly full page: the link refusals, a flood (429), no network. */
export type PageRefusal = SurveyLinkRefusal | 'busy' | 'network';

/** The refusal an API error means, or null when it is none of them (a 400 on some answers, a 500). */
export function refusalOf(
  err: { status: number; code?: string; details?: unknown } | null | undefined,
): PageRefusal | null {
  if (!err) return null;
  if (err.status === 429) return 'busy';
  if (err.status === 0 || err.code === 'NETWORK') return 'network';
  const reason =
    typeof err.details === 'object' && err.details !== null
      ? (err.details as { reason?: unknown }).reason
      : undefined;
  if (
    (err.status === 404 || err.status === 409) &&
    (reason === 'invalid' || reason === 'expired' || reason === 'answered' || reason === 'closed')
  )
    return reason;
  // a 404 without a reason (a token the route itself refuses, e.g. too short) is an invalid link too
  if (err.status === 404 || (err.status === 400 && /token/i.test(JSON.stringify(err.details ?? ''))))
    return 'invalid';
  return null;
}
