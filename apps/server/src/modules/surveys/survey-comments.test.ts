import { describe, expect, it } from 'vitest';
import { SurveyContent } from '@qloop/contracts';
import { commentRows, hasPhone, maskPhonesInText } from './survey-comments.js';

const content = SurveyContent.parse({
  nameZh: '回访', nameEn: 'Follow-up',
  questions: [
    { key: 'overall', type: 'csat', textZh: '满意度', textEn: 'Overall' },
    { key: 'why', type: 'text', required: false, textZh: '原因', textEn: 'Why' },
    { key: 'pick', type: 'single', textZh: '渠道', textEn: 'Channel', options: [{ value: 'a', labelZh: '甲', labelEn: 'A' }, { value: 'b', labelZh: '乙', labelEn: 'B' }] },
    { key: 'more', type: 'text', required: false, textZh: '建议', textEn: 'More' },
  ],
});

describe('commentRows', () => {
  it('keeps the non-empty free-text answers, trimmed, with their keywords; scores and choices are not comments', () => {
    const rows = commentRows(content, { overall: 2, why: '  宽带装机拖了一周，师傅一直不来  ', pick: 'a', more: '   ' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question_key: 'why', text: '宽带装机拖了一周，师傅一直不来' });
    expect(rows[0]!.keywords).toEqual(expect.arrayContaining(['宽带', '装机', '师傅']));
  });

  it('ignores answers to keys the version does not have as text questions', () => {
    // a string answer to a choice question and a key the version does not know are not comments
    expect(commentRows(content, { pick: 'b', other: '一些话' })).toEqual([]);
    expect(commentRows(content, {})).toEqual([]);
  });
});

describe('maskPhonesInText', () => {
  it('masks mainland mobile numbers however they are written, and only those', () => {
    expect(maskPhonesInText('请回电13812345678谢谢')).toBe('请回电138****5678谢谢');
    expect(maskPhonesInText('电话 138 1234 5678 或 139-8765-4321')).toBe('电话 138****5678 或 139****4321');
    // a longer number (an account) and a landline are not mobile numbers
    expect(maskPhonesInText('账号 2138123456789，座机 0531-88881234')).toBe('账号 2138123456789，座机 0531-88881234');
    // 12 or 19… but not 11/12 as the second digit
    expect(maskPhonesInText('12345678901')).toBe('12345678901');
    expect(maskPhonesInText('没有号码')).toBe('没有号码');
    expect(hasPhone('回电 13912345678')).toBe(true);
    expect(hasPhone('账号 2138123456789')).toBe(false);
    // the global pattern keeps no state between calls
    expect([hasPhone('13912345678'), hasPhone('13912345678')]).toEqual([true, true]);
  });
});
