import { QUESTION_SCALES, SURVEY_LIMITS, type SurveyAnswers, type SurveyContent, type SurveyQuestion } from '@qloop/contracts';

export type AnswerIssue = { path: string; message: string };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** What is wrong with one answer to a question, or null. */
function answerIssue(q: SurveyQuestion, a: unknown): string | null {
  const scale = QUESTION_SCALES[q.type];
  switch (q.type) {
    case 'csat':
    case 'nps':
    case 'stars':
      return isInt(a) && a >= scale!.min && a <= scale!.max ? null : `a whole number from ${scale!.min} to ${scale!.max}`;
    case 'servqual': {
      const p = a as { expectation?: unknown; perception?: unknown };
      const ok = (v: unknown) => isInt(v) && v >= scale!.min && v <= scale!.max;
      return typeof a === 'object' && a !== null && !Array.isArray(a) && ok(p.expectation) && ok(p.perception)
        ? null
        : `an expectation and a perception, each a whole number from ${scale!.min} to ${scale!.max}`;
    }
    case 'single':
      return typeof a === 'string' && q.options!.some((o) => o.value === a) ? null : 'one of the options';
    case 'multiple':
      return Array.isArray(a) && a.every((v) => q.options!.some((o) => o.value === v)) && new Set(a).size === a.length ? null : 'some of the options, each once';
    case 'text':
      return typeof a === 'string' && a.length <= SURVEY_LIMITS.answerTextMax ? null : `text of at most ${SURVEY_LIMITS.answerTextMax} characters`;
  }
}

const blank = (a: unknown) => a === undefined || a === null || (typeof a === 'string' && a.trim() === '') || (Array.isArray(a) && a.length === 0);

/**
 * Checks answers against the version they answer. Pure. `complete`: a submission, where every
 * required question needs an answer; a progress save may leave them out. Unknown keys are refused
 * (an answer to a question this version does not ask would be lost silently).
 */
export function validateAnswers(content: SurveyContent, answers: SurveyAnswers, complete: boolean): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byKey = new Map(content.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) issues.push({ path: key, message: 'no such question in this survey' });
  for (const q of content.questions) {
    const a = answers[q.key];
    if (blank(a)) {
      if (complete && q.required) issues.push({ path: q.key, message: 'an answer is required' });
      continue;
    }
    const wrong = answerIssue(q, a);
    if (wrong) issues.push({ path: q.key, message: `expected ${wrong}` });
  }
  return issues;
}

/** The headline scores of an answer set: its CSAT and NPS questions' answers (a survey has at most one of each). */
export function headlineScores(content: SurveyContent, answers: SurveyAnswers): { csat: number | null; nps: number | null } {
  const score = (type: 'csat' | 'nps') => {
    const q = content.questions.find((x) => x.type === type);
    const a = q ? answers[q.key] : undefined;
    return typeof a === 'number' ? a : null;
  };
  return { csat: score('csat'), nps: score('nps') };
}
