import { describe, expect, it } from 'vitest';
import { SurveyContent } from '@qloop/contracts';
import { headlineScores, validateAnswers } from './validate-answers.js';

const content = SurveyContent.parse({
  nameZh: '回访', nameEn: 'Follow-up',
  questions: [
    { key: 'overall', type: 'csat', textZh: '满意吗', textEn: 'Satisfied?' },
    { key: 'recommend', type: 'nps', textZh: '推荐吗', textEn: 'Recommend?' },
    { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '速度', textEn: 'Speed' },
    { key: 'via', type: 'single', textZh: '渠道', textEn: 'Via', options: [{ value: 'hotline', labelZh: '热线', labelEn: 'Hotline' }, { value: 'store', labelZh: '营业厅', labelEn: 'Store' }] },
    { key: 'liked', type: 'multiple', required: false, textZh: '满意之处', textEn: 'Liked', options: [{ value: 'speed', labelZh: '快', labelEn: 'Fast' }, { value: 'staff', labelZh: '人员', labelEn: 'Staff' }] },
    { key: 'comment', type: 'text', required: false, textZh: '建议', textEn: 'Comment' },
  ],
});
const good = { overall: 4, recommend: 9, speed: { expectation: 6, perception: 5 }, via: 'hotline', liked: ['speed', 'staff'], comment: '很好' };

describe('answers against their version', () => {
  it('a full, well-formed answer set passes and yields its headline scores', () => {
    expect(validateAnswers(content, good, true)).toEqual([]);
    expect(headlineScores(content, good)).toEqual({ csat: 4, nps: 9 });
    expect(headlineScores(content, { via: 'store' })).toEqual({ csat: null, nps: null });
  });
  it('a submission needs every required answer; a progress save does not', () => {
    const partial = { overall: 5 };
    expect(validateAnswers(content, partial, false)).toEqual([]);
    expect(validateAnswers(content, partial, true).map((i) => i.path)).toEqual(['recommend', 'speed', 'via']);
    expect(validateAnswers(content, { ...good, comment: '   ' }, true)).toEqual([]);
  });
  it('refuses scores off the scale, unknown options, repeated options, broken pairs and unknown questions', () => {
    const issues = validateAnswers(content, { ...good, overall: 6, recommend: 9.5, speed: { expectation: 0, perception: 5 }, via: 'fax', liked: ['speed', 'speed'], extra: 1 }, true);
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toEqual({
      extra: 'no such question in this survey',
      overall: 'expected a whole number from 1 to 5',
      recommend: 'expected a whole number from 0 to 10',
      speed: 'expected an expectation and a perception, each a whole number from 1 to 7',
      via: 'expected one of the options',
      liked: 'expected some of the options, each once',
    });
    expect(validateAnswers(content, { ...good, recommend: 0 }, true)).toEqual([]);
    expect(validateAnswers(content, { ...good, overall: '4' as unknown as number }, true).map((i) => i.path)).toEqual(['overall']);
  });
});
