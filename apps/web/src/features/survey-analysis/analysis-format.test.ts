import { describe, expect, it } from 'vitest';
import type { SurveyAnalysis, SurveyContent } from '@qloop/contracts';
import {
  analysisAlerts,
  dimensionLabelKey,
  dimensionRows,
  formatGap,
  formatScore,
  gapColour,
  GAP_COLOURS,
  npsShares,
  quadrantLabelKey,
  questionTexts,
  QUADRANTS,
  unitRows,
} from './analysis-format';

// the server test's worked example (surveys.test.ts 'analysis')
const servqual: SurveyAnalysis['servqual'] = {
  items: [
    { key: 'speed', dimension: 'responsiveness', expectation: 6.33, perception: 4, gap: -2.33, n: 3 },
    { key: 'staff', dimension: 'assurance', expectation: 6, perception: 5.33, gap: -0.67, n: 3 },
    { key: 'hall', dimension: 'tangibles', expectation: 4, perception: 5, gap: 1, n: 3 },
    { key: 'promise', dimension: 'responsiveness', expectation: 5, perception: 5.5, gap: 0.5, n: 2 },
  ],
  dimensions: [
    { dimension: 'responsiveness', gap: -0.92, items: 2 },
    { dimension: 'assurance', gap: -0.67, items: 1 },
    { dimension: 'tangibles', gap: 1, items: 1 },
  ],
  overall: -0.2,
};

describe('gap colours', () => {
  it('below expectation red, above green, on it or unknown grey', () => {
    expect(gapColour(-2.33)).toBe(GAP_COLOURS.negative);
    expect(gapColour(0.01)).toBe(GAP_COLOURS.positive);
    expect(gapColour(0)).toBe(GAP_COLOURS.neutral);
    expect(gapColour(null)).toBe(GAP_COLOURS.neutral);
  });
});

describe('numbers', () => {
  it('up to two decimals, a dash for none', () => {
    expect(formatScore(66.67, 'zh-CN')).toBe('66.67');
    expect(formatScore(4, 'en-US')).toBe('4');
    expect(formatScore(58.333, 'en-US')).toBe('58.33');
    expect(formatScore(1234.5, 'en-US', 0)).toBe('1,235');
    expect(formatScore(null, 'zh-CN')).toBe('—');
  });
  it('gaps carry their sign, with a true minus', () => {
    expect(formatGap(-2.33, 'zh-CN')).toBe('−2.33');
    expect(formatGap(0.5, 'en-US')).toBe('+0.5');
    expect(formatGap(0, 'en-US')).toBe('0');
    expect(formatGap(null, 'en-US')).toBe('—');
  });
});

describe('names', () => {
  it('quadrants and dimensions by i18n key', () => {
    expect(QUADRANTS.map(quadrantLabelKey)).toEqual([
      'surveyAnalysis.quadrant_concentrate_here',
      'surveyAnalysis.quadrant_keep_up',
      'surveyAnalysis.quadrant_low_priority',
      'surveyAnalysis.quadrant_possible_overkill',
    ]);
    expect(dimensionLabelKey('empathy')).toBe('surveyAnalysis.dim_empathy');
    expect(dimensionLabelKey('charm')).toBeNull();
  });
  it('question texts by key in the language shown', () => {
    const content = {
      nameZh: '回访',
      nameEn: 'Follow-up',
      introZh: '',
      introEn: '',
      questions: [
        { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall', required: true },
        {
          key: 'speed',
          type: 'servqual',
          dimension: 'responsiveness',
          textZh: '处理速度',
          textEn: 'Speed',
          required: true,
        },
      ],
    } satisfies SurveyContent;
    expect(questionTexts(content, false).get('speed')).toBe('处理速度');
    expect(questionTexts(content, true).get('speed')).toBe('Speed');
    expect(questionTexts(undefined, true).size).toBe(0);
  });
});

describe('SERVQUAL dimensions', () => {
  it('in the canonical order, with their items’ mean expectation and perception', () => {
    expect(dimensionRows(servqual)).toEqual([
      { dimension: 'tangibles', gap: 1, items: 1, expectation: 4, perception: 5 },
      { dimension: 'responsiveness', gap: -0.92, items: 2, expectation: 5.67, perception: 4.75 },
      { dimension: 'assurance', gap: -0.67, items: 1, expectation: 6, perception: 5.33 },
    ]);
  });
  it('an unknown dimension comes last; items without means are left out of the means', () => {
    const rows = dimensionRows({
      items: [{ key: 'x', dimension: 'other', expectation: null, perception: null, gap: null, n: 0 }],
      dimensions: [
        { dimension: 'other', gap: null, items: 0 },
        { dimension: 'empathy', gap: 0, items: 0 },
      ],
      overall: 0,
    });
    expect(rows.map((r) => r.dimension)).toEqual(['empathy', 'other']);
    expect(rows[1]).toMatchObject({ expectation: null, perception: null });
  });
});

describe('alerts', () => {
  const base = { responses: 3, invited: 40, responseRate: 7.5 };
  it('a small sample and a low response rate are warnings with their numbers; no answers is information', () => {
    expect(
      analysisAlerts(
        {
          ...base,
          warnings: [
            { code: 'small_sample', message: 'only 3 answers' },
            { code: 'low_response_rate', message: 'x' },
          ],
        },
        'zh-CN',
      ),
    ).toEqual([
      { code: 'small_sample', type: 'warning', values: { n: 3, min: 30 } },
      { code: 'low_response_rate', type: 'warning', values: { rate: '7.5', invited: 40 } },
    ]);
    expect(
      analysisAlerts({ ...base, responses: 0, warnings: [{ code: 'no_answers', message: 'none' }] }, 'en-US'),
    ).toEqual([{ code: 'no_answers', type: 'info', values: {} }]);
    expect(analysisAlerts({ ...base, warnings: [] }, 'en-US')).toEqual([]);
  });
});

describe('NPS shares and unit rows', () => {
  it('the three groups as shares of the answers', () => {
    expect(npsShares({ value: 0, promoters: 1, passives: 1, detractors: 1, n: 3 })).toEqual({
      promoters: 33.3,
      passives: 33.3,
      detractors: 33.3,
    });
    expect(npsShares({ value: null, promoters: 0, passives: 0, detractors: 0, n: 0 })).toBeNull();
  });
  it('the unit itself first, then the children by code', () => {
    const codes: Record<string, string> = { a: 'JN-XZ', b: 'JN-DZ', self: 'JN' };
    const rows = unitRows(
      [{ orgUnitId: 'a' }, { orgUnitId: 'self' }, { orgUnitId: 'b' }],
      'self',
      (id) => codes[id]!,
    );
    expect(rows).toEqual([
      { orgUnitId: 'self', self: true },
      { orgUnitId: 'b', self: false },
      { orgUnitId: 'a', self: false },
    ]);
  });
});
