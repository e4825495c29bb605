import { describe, expect, it } from 'vitest';
import { SurveyContent } from '@qloop/contracts';
import { answersText, lowScoreReason } from './service-recovery.js';

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
