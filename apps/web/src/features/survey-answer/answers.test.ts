import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '@qloop/contracts';
import {
  fromProgress,
  isAnswered,
  isHalfDone,
  mergeDrafts,
  missingRequired,
  problemsFromServer,
  progressCount,
  refusalOf,
  submitProblems,
  toPayload,
  type Draft,
} from './answers';

const opts = [
  { value: 'hotline', labelZh: '热线', labelEn: 'Hotline' },
  { value: 'store', labelZh: '营业厅', labelEn: 'Store' },
  { value: 'app', labelZh: '手机营业厅', labelEn: 'App' },
];
const q = (
  key: string,
  type: SurveyQuestion['type'],
  extra: Partial<SurveyQuestion> = {},
): SurveyQuestion => ({
  key,
  type,
  textZh: key,
  textEn: key,
  required: true,
  ...(type === 'single' || type === 'multiple' ? { options: opts } : {}),
  ...(type === 'servqual' ? { dimension: 'responsiveness' as const } : {}),
  ...extra,
});

const questions: SurveyQuestion[] = [
  q('overall', 'csat'),
  q('recommend', 'nps'),
  q('stars', 'stars', { required: false }),
  q('speed', 'servqual'),
  q('channel', 'single'),
  q('used', 'multiple', { required: false }),
  q('comment', 'text', { required: false }),
];
const byKey = (k: string) => questions.find((x) => x.key === k)!;

describe('isAnswered', () => {
  it('takes scores on their scale only, whole numbers', () => {
    expect(isAnswered(byKey('overall'), 1)).toBe(true);
    expect(isAnswered(byKey('overall'), 5)).toBe(true);
    expect(isAnswered(byKey('overall'), 0)).toBe(false);
    expect(isAnswered(byKey('overall'), 6)).toBe(false);
    expect(isAnswered(byKey('overall'), 2.5)).toBe(false);
    expect(isAnswered(byKey('recommend'), 0)).toBe(true);
    expect(isAnswered(byKey('recommend'), 10)).toBe(true);
    expect(isAnswered(byKey('recommend'), 11)).toBe(false);
    expect(isAnswered(byKey('stars'), 3)).toBe(true);
    expect(isAnswered(byKey('overall'), '3')).toBe(false);
  });

  it('needs both halves of a SERVQUAL pair, each 1–7', () => {
    const sq = byKey('speed');
    expect(isAnswered(sq, { expectation: 6, perception: 3 })).toBe(true);
    expect(isAnswered(sq, { expectation: 6 })).toBe(false);
    expect(isAnswered(sq, { expectation: 0, perception: 3 })).toBe(false);
    expect(isAnswered(sq, { expectation: 7, perception: 8 })).toBe(false);
    expect(isHalfDone(sq, { perception: 2 })).toBe(true);
    expect(isHalfDone(sq, {})).toBe(false);
    expect(isHalfDone(sq, { expectation: 1, perception: 2 })).toBe(false);
  });

  it('takes choices among the options, and text that is not blank', () => {
    expect(isAnswered(byKey('channel'), 'store')).toBe(true);
    expect(isAnswered(byKey('channel'), 'fax')).toBe(false);
    expect(isAnswered(byKey('used'), ['hotline', 'app'])).toBe(true);
    expect(isAnswered(byKey('used'), [])).toBe(false);
    expect(isAnswered(byKey('used'), ['hotline', 'fax'])).toBe(false);
    expect(isAnswered(byKey('comment'), '等了三天')).toBe(true);
    expect(isAnswered(byKey('comment'), '   ')).toBe(false);
    expect(isAnswered(byKey('comment'), 'x'.repeat(2001))).toBe(false);
    expect(isAnswered(byKey('comment'), undefined)).toBe(false);
  });
});

describe('progress and what is missing', () => {
  const partial: Draft = { overall: 4, speed: { expectation: 5 }, comment: ' ', used: ['store'] };

  it('counts answered questions out of all', () => {
    expect(progressCount(questions, {})).toEqual({ answered: 0, total: 7 });
    expect(progressCount(questions, partial)).toEqual({ answered: 2, total: 7 });
  });

  it('lists the required questions not answered, in page order', () => {
    expect(missingRequired(questions, partial)).toEqual(['recommend', 'speed', 'channel']);
    expect(
      missingRequired(questions, {
        overall: 4,
        recommend: 9,
        speed: { expectation: 5, perception: 6 },
        channel: 'app',
      }),
    ).toEqual([]);
  });

  it('stops a submission on a missing required answer and on a half-done pair, optional or not', () => {
    expect(submitProblems(questions, partial)).toEqual([
      { key: 'recommend', problem: 'required' },
      { key: 'speed', problem: 'incomplete' },
      { key: 'channel', problem: 'required' },
    ]);
    const optionalPair = [q('gap', 'servqual', { required: false })];
    expect(submitProblems(optionalPair, {})).toEqual([]);
    expect(submitProblems(optionalPair, { gap: { perception: 3 } })).toEqual([
      { key: 'gap', problem: 'incomplete' },
    ]);
  });
});

describe('what is sent', () => {
  it('sends complete answers only, for the questions of the page', () => {
    const draft: Draft = {
      overall: 4,
      speed: { expectation: 5 },
      comment: '  ',
      used: ['store'],
      stranger: 3,
      recommend: 12,
    };
    expect(toPayload(questions, draft)).toEqual({ overall: 4, used: ['store'] });
    expect(toPayload(questions, { speed: { expectation: 5, perception: 2 }, comment: '很好' })).toEqual({
      speed: { expectation: 5, perception: 2 },
      comment: '很好',
    });
  });

  it('starts from saved progress, dropping what no longer fits, and lays the unsaved answers over it', () => {
    const saved = fromProgress(questions, {
      overall: 2,
      gone: 4,
      channel: 'fax',
      comment: '',
      speed: { expectation: 3, perception: 9 },
    });
    expect(saved).toEqual({ overall: 2, comment: '', speed: { expectation: 3 } });
    expect(fromProgress(questions, null)).toEqual({});
    expect(mergeDrafts(questions, saved, { overall: 5, speed: { perception: 4 } })).toEqual({
      overall: 5,
      comment: '',
      speed: { perception: 4 },
    });
    expect(fromProgress(questions, { speed: { expectation: 0, perception: 8 } })).toEqual({});
    expect(mergeDrafts(questions, saved, null)).toBe(saved);
    expect(mergeDrafts(questions, saved, '[broken')).toBe(saved);
  });
});

describe('server answers', () => {
  it('maps the problem paths onto the questions, the rest aside', () => {
    const details = [
      { path: 'body.answers.recommend', message: 'an answer is required' },
      { path: 'body.answers.overall', message: 'expected a whole number from 1 to 5' },
      { path: 'body.answers.ghost', message: 'no such question in this survey' },
      { path: 'body', message: 'too many answers' },
    ];
    expect(problemsFromServer(questions, details)).toEqual({
      byKey: { recommend: 'required', overall: 'invalid' },
      other: ['no such question in this survey', 'too many answers'],
    });
    expect(
      problemsFromServer(questions, [{ path: ['body', 'answers', 'speed'], message: 'x' }]).byKey,
    ).toEqual({ speed: 'invalid' });
    expect(problemsFromServer(questions, undefined)).toEqual({ byKey: {}, other: [] });
  });

  it('turns refusals into the page to show', () => {
    expect(refusalOf({ status: 404, code: 'NOT_FOUND', details: { reason: 'invalid' } })).toBe('invalid');
    expect(refusalOf({ status: 409, code: 'CONFLICT', details: { reason: 'expired' } })).toBe('expired');
    expect(refusalOf({ status: 409, code: 'CONFLICT', details: { reason: 'answered' } })).toBe('answered');
    expect(refusalOf({ status: 409, code: 'CONFLICT', details: { reason: 'closed' } })).toBe('closed');
    expect(refusalOf({ status: 429, code: 'RATE_LIMITED' })).toBe('busy');
    expect(refusalOf({ status: 0, code: 'NETWORK' })).toBe('network');
    // a token the route refuses by its shape is an invalid link too
    expect(
      refusalOf({
        status: 400,
        code: 'VALIDATION_FAILED',
        details: [{ path: 'params.token', message: 'too short' }],
      }),
    ).toBe('invalid');
    expect(refusalOf({ status: 404, code: 'NOT_FOUND' })).toBe('invalid');
    // a problem with some answers, a conflict of another kind, a server fault: not a refusal
    expect(
      refusalOf({
        status: 400,
        code: 'VALIDATION_FAILED',
        details: [{ path: 'body.answers.overall', message: 'required' }],
      }),
    ).toBeNull();
    expect(refusalOf({ status: 409, code: 'CONFLICT', details: { reason: 'other' } })).toBeNull();
    expect(refusalOf({ status: 500, code: 'INTERNAL' })).toBeNull();
    expect(refusalOf(null)).toBeNull();
  });
});
