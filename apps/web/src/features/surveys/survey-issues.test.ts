import type { Category } from '@qloop/contracts';
import { describe, expect, it } from 'vitest';
import { elementLabel, elementTree } from './element-tree';
import { emptyDraft, newQuestion, type SurveyDraft } from './survey-draft';
import {
  checkContent,
  checkCreate,
  describeIssue,
  fieldPaths,
  issuePath,
  placeIssues,
} from './survey-issues';

const draft = (over: Partial<SurveyDraft> = {}): SurveyDraft => ({
  ...emptyDraft(),
  nameZh: '回访',
  nameEn: 'Follow-up',
  questions: [
    { ...newQuestion('csat', []), textZh: '满意吗？', textEn: 'Satisfied?' },
    { ...newQuestion('single', [{ key: 'q1' }]), textZh: '渠道', textEn: 'Channel' },
    { ...newQuestion('servqual', [{ key: 'q1' }, { key: 'q2' }]), textZh: '速度', textEn: 'Speed' },
  ],
  ...over,
});

describe('where the survey editor shows a problem', () => {
  it('reads zod paths and the server’s detail paths alike', () => {
    expect(issuePath(['questions', 2, 'key'])).toBe('questions.2.key');
    expect(issuePath('body.content.questions.2.key')).toBe('questions.2.key');
    expect(issuePath('body.content.questions[1].options[0].labelEn')).toBe('questions.1.options.0.labelEn');
    expect(issuePath('body.code')).toBe('code');
    expect(issuePath(['content', 'nameZh'])).toBe('nameZh');
    expect(issuePath('body')).toBe('');
  });

  it('puts each issue of a contract check on its field, in the contract’s words', () => {
    const d = draft();
    const r = checkContent(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const { byField, rest } = placeIssues(r.issues, fieldPaths(d));
    expect(rest).toEqual([]);
    expect(Object.fromEntries(byField)).toEqual({
      'questions.1.options': ['a choice needs at least two options'],
      'questions.2.dimension': ['a SERVQUAL item needs its dimension'],
    });
    expect(
      describeIssue({ path: 'questions.1.options', message: 'a choice needs at least two options' }),
    ).toEqual({ key: 'optionsMin' });
  });

  it('names duplicate keys, a second CSAT, blank texts, bad keys and options', () => {
    const base = draft();
    const d = draft({
      nameEn: ' ',
      questions: [
        base.questions[0]!,
        { ...base.questions[0]!, uid: 'again', key: 'q1' },
        {
          ...base.questions[1]!,
          key: 'Q 2',
          options: [
            { value: 'o1', labelZh: '热线', labelEn: '' },
            { value: 'o1', labelZh: '营业厅', labelEn: 'Store' },
          ],
        },
      ],
    });
    const r = checkContent(d);
    if (r.ok) throw new Error('expected issues');
    const { byField } = placeIssues(r.issues, fieldPaths(d));
    const described = Object.fromEntries(
      [...byField].map(([f, ms]) => [f, ms.map((message) => describeIssue({ path: f, message }))]),
    );
    expect(described).toEqual({
      nameEn: [{ key: 'required' }],
      'questions.1.key': [{ key: 'keyDuplicate', values: { n: 1 } }],
      'questions.1.type': [{ key: 'oneHeadline', values: { type: 'csat' } }],
      'questions.2.key': [{ key: 'key' }],
      'questions.2.options.0.labelEn': [{ key: 'required' }],
      'questions.2.options': [{ key: 'optionValuesDiffer' }],
    });
  });

  it('places the server’s 400 details, and lists what no field takes', () => {
    const d = draft();
    const { byField, rest } = placeIssues(
      [
        { path: issuePath('body.content.questions.0.elementId'), message: 'unknown category' },
        // an option beyond those shown lands on the question's options
        { path: issuePath('body.content.questions.1.options.5.value'), message: 'x' },
        { path: issuePath('body.content.questions.7.key'), message: 'y' },
        { path: issuePath('body.rowVersion'), message: 'z' },
      ],
      fieldPaths(d),
    );
    expect(Object.fromEntries(byField)).toEqual({
      'questions.0.elementId': ['unknown category'],
      'questions.1.options': ['x'],
      questions: ['y'],
    });
    expect(rest).toEqual([{ path: 'rowVersion', message: 'z' }]);
    expect(describeIssue({ path: 'questions.0.elementId', message: 'unknown category' })).toEqual({
      key: 'elementUnknown',
    });
  });

  it('checks a new survey’s code with the contract too', () => {
    const ok = draft({
      questions: [{ ...newQuestion('nps', []), textZh: '推荐吗？', textEn: 'Recommend?' }],
    });
    expect(checkCreate('FOLLOW-UP_1', ok)).toMatchObject({ ok: true, body: { code: 'FOLLOW-UP_1' } });
    const r = checkCreate('跟进', ok);
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => [i.path, describeIssue(i)?.key])).toEqual([['code', 'code']]);
    const short = checkCreate('A', ok);
    if (short.ok) throw new Error('expected issues');
    expect(describeIssue(short.issues[0]!)).toEqual({ key: 'codeLength' });
    const none = checkCreate('EMPTY', { ...ok, questions: [] });
    if (none.ok) throw new Error('expected issues');
    expect(none.issues.map((i) => [i.path, describeIssue(i)?.key])).toEqual([['questions', 'needQuestion']]);
  });

  it('turns zod’s limits into a maximum, and leaves an unknown message as it is', () => {
    const long = draft({ introZh: '长'.repeat(501), questions: draft().questions.slice(0, 1) });
    const r = checkContent(long);
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => [i.path, describeIssue(i)])).toEqual([
      ['introZh', { key: 'tooLong', values: { max: 500 } }],
    ]);
    expect(describeIssue({ path: 'questions.0', message: 'something new' })).toBeNull();
  });
});

describe('perception elements', () => {
  const cat = (
    id: string,
    level: number,
    code: string,
    parentId: string | null,
    active = true,
  ): Category => ({
    id,
    level,
    code,
    parentId,
    name: `名${code}`,
    nameEn: code === 'S' ? null : `Name ${code}`,
    active,
    path: [],
  });
  const list = [
    cat('s', 1, 'S', null),
    cat('n', 1, 'N', null),
    cat('s02', 2, 'S02', 's'),
    cat('s01', 2, 'S01', 's'),
    cat('s01-01', 3, 'S01-01', 's01'),
    cat('n01', 2, 'N01', 'n', false),
  ];

  it('are levels 1 and 2 of the category tree, only elements selectable, retired ones only when kept', () => {
    expect(elementTree(list, false)).toEqual([
      { value: 'n', title: '名N', selectable: false },
      {
        value: 's',
        title: '名S',
        selectable: false,
        children: [
          { value: 's01', title: '名S01', selectable: true },
          { value: 's02', title: '名S02', selectable: true },
        ],
      },
    ]);
    expect(elementTree(list, true, 'n01')[0]).toEqual({
      value: 'n',
      title: 'Name N',
      selectable: false,
      children: [{ value: 'n01', title: 'Name N01', selectable: true }],
    });
    expect(elementLabel(list, 's01', true, true)).toBe('名S / Name S01');
    expect(elementLabel(list, 'gone', true)).toBeUndefined();
  });
});
