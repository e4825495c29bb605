import { describe, expect, it } from 'vitest';
import { breakdownRow, emptyTally, sortBreakdown, tallyAnswers } from './survey-breakdown.js';

const tally = (rows: { csat: number | null; nps: number | null; n: number }[]) => tallyAnswers(emptyTally(), rows);

const names = (name: string | null) => ({ name, nameEn: null });

describe('breakdown rows', () => {
  it('figures from grouped counts: CSAT 4–5 of the CSAT answers, NPS of the NPS answers, small samples flagged', () => {
    const r = breakdownRow('hotline', names(null), tally([
      { csat: 5, nps: 10, n: 3 },
      { csat: 2, nps: 3, n: 1 },
      { csat: null, nps: 8, n: 2 },
    ]));
    expect(r).toMatchObject({ responses: 6, small: true });
    expect(r.csat).toEqual({ value: 75, numerator: 3, denominator: 4, small: true });
    expect(r.nps).toMatchObject({ value: 33.33, promoters: 3, passives: 2, detractors: 1, n: 6, small: true });
    // 30 answers are no longer a small sample; none at all is no figure rather than a small one
    expect(breakdownRow('x', names(null), tally([{ csat: 4, nps: null, n: 30 }])).small).toBe(false);
    expect(breakdownRow('x', names(null), tally([]))).toMatchObject({ responses: 0, small: false, csat: { value: null, small: false } });
  });

  it('sorts by figure with rows without one last, by name with the keyless row last', () => {
    const rows = [
      breakdownRow('a', names('乙'), tally([{ csat: 5, nps: 9, n: 10 }])),
      breakdownRow('b', names('甲'), tally([{ csat: 1, nps: 0, n: 40 }])),
      breakdownRow(null, names(null), tally([{ csat: 3, nps: 7, n: 5 }])),
      breakdownRow('c', names('丙'), tally([{ csat: null, nps: null, n: 2 }])),
    ];
    const keys = (sort: Parameters<typeof sortBreakdown>[1]) => sortBreakdown(rows, sort).map((r) => r.key);
    expect(keys('-responses')).toEqual(['b', 'a', null, 'c']);
    expect(keys('csat')).toEqual(['b', null, 'a', 'c']);
    // a tie (0 % both) goes to the row with more answers
    expect(keys('-csat')).toEqual(['a', 'b', null, 'c']);
    expect(keys('nps')).toEqual(['b', null, 'a', 'c']);
    // by pinyin: 丙 bǐng, 甲 jiǎ, 乙 yǐ
    expect(keys('name')).toEqual(['c', 'b', 'a', null]);
    expect(keys('-name')).toEqual(['a', 'b', 'c', null]);
  });
});
