import { QUESTION_TYPES, SurveyContent, type SurveyContent as Content } from '@qloop/contracts';
import { describe, expect, it } from 'vitest';
import {
  changeType,
  emptyDraft,
  fromContent,
  moveItem,
  newQuestion,
  sameContent,
  suggestKey,
  suggestOptionValue,
  toContent,
  type DraftQuestion,
} from './survey-draft';

const ELEMENT = '0b6b0a3e-5b8e-4d0e-9a53-5f3f7a0c1d11';

/** A survey as the server test writes one: every kind of question. */
const saved: Content = SurveyContent.parse({
  nameZh: '投诉处理满意度回访',
  nameEn: 'Complaint follow-up',
  introZh: '感谢您抽出时间',
  questions: [
    {
      key: 'overall',
      type: 'csat',
      textZh: '您对本次处理满意吗？',
      textEn: 'How satisfied are you?',
      elementId: ELEMENT,
    },
    { key: 'recommend', type: 'nps', textZh: '您愿意向亲友推荐吗？', textEn: 'Would you recommend us?' },
    {
      key: 'speed',
      type: 'servqual',
      dimension: 'responsiveness',
      textZh: '处理速度',
      textEn: 'Speed of handling',
    },
    {
      key: 'channel',
      type: 'single',
      textZh: '您通过什么方式联系我们？',
      textEn: 'How did you reach us?',
      options: [
        { value: 'hotline', labelZh: '热线', labelEn: 'Hotline' },
        { value: 'store', labelZh: '营业厅', labelEn: 'Store' },
      ],
    },
    { key: 'comment', type: 'text', required: false, textZh: '还有什么建议？', textEn: 'Anything else?' },
  ],
});

describe('survey editor draft', () => {
  it('a saved version goes into the editor and back unchanged', () => {
    const d = fromContent(saved);
    expect(d.questions.map((q) => q.uid).every((u, i, all) => all.indexOf(u) === i)).toBe(true);
    expect(SurveyContent.parse(toContent(d))).toEqual(saved);
    expect(sameContent(d, saved)).toBe(true);
    d.questions[1]!.textEn = 'Would you recommend us to a friend?';
    expect(sameContent(d, saved)).toBe(false);
  });

  it('sends options only on choice questions and the dimension only on SERVQUAL items', () => {
    const q = (over: Partial<DraftQuestion>): DraftQuestion => ({ ...newQuestion('csat', []), ...over });
    const [csat, choice, servqual] = toContent({
      ...emptyDraft(),
      questions: [
        q({ options: [{ value: 'x', labelZh: 'x', labelEn: 'x' }], dimension: 'empathy' }),
        q({ type: 'multiple' }),
        q({ type: 'servqual', dimension: null, elementId: ELEMENT }),
      ],
    }).questions;
    expect(csat).not.toHaveProperty('options');
    expect(csat).not.toHaveProperty('dimension');
    expect(csat).not.toHaveProperty('elementId');
    // an empty list stays: the contract then asks for two options at the question's options
    expect(choice!.options).toEqual([]);
    expect(servqual).not.toHaveProperty('dimension');
    expect(servqual!.elementId).toBe(ELEMENT);
  });

  it('suggests q1, q2 … past the highest in use, never a key already taken', () => {
    expect(suggestKey([])).toBe('q1');
    expect(suggestKey([{ key: 'q1' }, { key: 'q2' }])).toBe('q3');
    // q2 was removed: its key is not handed to another question
    expect(suggestKey([{ key: 'q1' }, { key: 'q3' }])).toBe('q4');
    // hand-made keys: the next number after the questions so far
    expect(suggestKey([{ key: 'overall' }, { key: 'recommend' }])).toBe('q3');
    expect(suggestKey([{ key: 'overall' }, { key: 'q10x' }])).toBe('q3');
    expect(suggestOptionValue([{ value: 'hotline' }])).toBe('o2');
    expect(suggestOptionValue([{ value: 'o1' }, { value: 'o4' }])).toBe('o5');
  });

  it('a new question of each type has the contract-valid defaults once its texts are written', () => {
    for (const type of QUESTION_TYPES) {
      const q = newQuestion(type, [{ key: 'q1' }], { csat: { zh: '总体满意度', en: 'Overall' } });
      expect(q.key).toBe('q2');
      expect(q.required).toBe(type !== 'text');
      const filled: DraftQuestion = {
        ...q,
        textZh: q.textZh || '题目',
        textEn: q.textEn || 'Question',
        options:
          type === 'single' || type === 'multiple'
            ? [
                { value: 'o1', labelZh: '是', labelEn: 'Yes' },
                { value: 'o2', labelZh: '否', labelEn: 'No' },
              ]
            : [],
        dimension: type === 'servqual' ? 'tangibles' : null,
      };
      const r = SurveyContent.safeParse(
        toContent({ ...emptyDraft(), nameZh: '问卷', nameEn: 'Survey', questions: [filled] }),
      );
      expect(r.success, `${type}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
    expect(newQuestion('csat', [], { csat: { zh: '总体满意度', en: 'Overall' } })).toMatchObject({
      textZh: '总体满意度',
      textEn: 'Overall',
    });
  });

  it('changing the type keeps what still applies', () => {
    const single = {
      ...newQuestion('single', []),
      textZh: '渠道',
      options: [{ value: 'o1', labelZh: '热线', labelEn: 'Hotline' }],
    };
    expect(changeType(single, 'multiple').options).toHaveLength(1);
    expect(changeType(single, 'text')).toMatchObject({ type: 'text', options: [], textZh: '渠道' });
    const sq = { ...newQuestion('servqual', []), dimension: 'assurance' as const };
    expect(changeType(sq, 'csat').dimension).toBeNull();
    expect(changeType(changeType(sq, 'servqual'), 'servqual').dimension).toBe('assurance');
  });

  it('moves an item one place, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
