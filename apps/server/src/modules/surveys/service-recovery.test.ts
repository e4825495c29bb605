import { describe, expect, it } from 'vitest';
import { SurveyContent } from '@qloop/contracts';
import { answersText, lowScoreReason } from './service-recovery.js';
import { answerPairs } from './recovery-answers.js';

describe('what counts as a low score', () => {
  const limits = { csatAtMost: 2, npsAtMost: 6 };
  it('CSAT at or below its limit, NPS detractors, both named', () => {
    expect(lowScoreReason({ csat: 2, nps: 9 }, limits)).toBe('CSAT 2 ≤ 2');
    expect(lowScoreReason({ csat: 3, nps: 6 }, limits)).toBe('NPS 6 ≤ 6');
    expect(lowScoreReason({ csat: 1, nps: 0 }, limits)).toBe('CSAT 1 ≤ 2; NPS 0 ≤ 6');
    expect(lowScoreReason({ csat: 3, nps: 7 }, limits)).toBeNull();
  });
  it('an unasked score or a disabled limit never triggers', () => {
    expect(lowScoreReason({ csat: null, nps: null }, limits)).toBeNull();
    expect(lowScoreReason({ csat: 1, nps: 0 }, { csatAtMost: null, npsAtMost: null })).toBeNull();
  });
});

describe('the answers in a ticket description', () => {
  it('each question with its answer in words, skipping unanswered ones', () => {
    const c = SurveyContent.parse({
      nameZh: '回访', nameEn: 'F',
      questions: [
        { key: 'a', type: 'csat', textZh: '满意吗', textEn: 'S' },
        { key: 'b', type: 'multiple', textZh: '哪些好', textEn: 'G', options: [{ value: 'x', labelZh: '快', labelEn: 'Fast' }, { value: 'y', labelZh: '礼貌', labelEn: 'Polite' }] },
        { key: 'c', type: 'text', required: false, textZh: '建议', textEn: 'C' },
      ],
    });
    expect(answersText(c, { a: 2, b: ['x', 'y'] })).toBe('满意吗：2\n哪些好：快、礼貌');
  });
});

describe('the answers for the agent who calls back', () => {
  it('each answered question with its answer in words, in both languages, in the survey order', () => {
    const c = SurveyContent.parse({
      nameZh: '回访', nameEn: 'F',
      questions: [
        { key: 'a', type: 'csat', textZh: '满意吗', textEn: 'Satisfied?' },
        { key: 'b', type: 'multiple', textZh: '哪些好', textEn: 'What was good', options: [{ value: 'x', labelZh: '快', labelEn: 'Fast' }, { value: 'y', labelZh: '礼貌', labelEn: 'Polite' }] },
        { key: 'c', type: 'servqual', dimension: 'empathy', textZh: '体贴', textEn: 'Care' },
        { key: 'd', type: 'single', textZh: '渠道', textEn: 'Channel', options: [{ value: 'h', labelZh: '热线', labelEn: 'Hotline' }, { value: 's', labelZh: '营业厅', labelEn: 'Store' }] },
        { key: 'e', type: 'text', required: false, textZh: '建议', textEn: 'Comment' },
      ],
    });
    // answered out of order, one skipped, an option value the version does not know kept as it is
    expect(answerPairs(c, { d: 'fax', c: { expectation: 6, perception: 2 }, b: ['y', 'x'], a: 1 })).toEqual([
      { key: 'a', type: 'csat', questionZh: '满意吗', questionEn: 'Satisfied?', answerZh: '1', answerEn: '1' },
      { key: 'b', type: 'multiple', questionZh: '哪些好', questionEn: 'What was good', answerZh: '礼貌、快', answerEn: 'Polite, Fast' },
      { key: 'c', type: 'servqual', questionZh: '体贴', questionEn: 'Care', answerZh: '期望 6 / 感知 2', answerEn: 'expectation 6 / perception 2' },
      { key: 'd', type: 'single', questionZh: '渠道', questionEn: 'Channel', answerZh: 'fax', answerEn: 'fax' },
    ]);
  });
});
