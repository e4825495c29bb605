import { describe, expect, it } from 'vitest';
import { analysisRange, analysisViewParams, parseAnalysisView, rangeOf } from './analysis-view';

const SURVEY = '0b7f3c1e-8a44-4d7e-9a55-1f2e3d4c5b6a';
const UNIT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
// 2026-03-15 10:00 in Shanghai
const NOW = new Date('2026-03-15T02:00:00Z');

describe('the analysis view in the address', () => {
  it('reads survey, unit and period, ignoring what is not valid', () => {
    expect(
      parseAnalysisView(new URLSearchParams(`survey=${SURVEY}&orgUnit=${UNIT}&period=last3Months`)),
    ).toEqual({ survey: SURVEY, orgUnit: UNIT, period: 'last3Months', from: undefined, to: undefined });
    expect(parseAnalysisView(new URLSearchParams('survey=nope&orgUnit=1&period=forever'))).toEqual({
      survey: undefined,
      orgUnit: undefined,
      period: 'thisMonth',
      from: undefined,
      to: undefined,
    });
  });
  it('a valid from–to is a custom period; a reversed or malformed one is ignored', () => {
    expect(
      parseAnalysisView(new URLSearchParams('from=2026-01-01&to=2026-02-10&period=thisYear')),
    ).toMatchObject({ period: 'custom', from: '2026-01-01', to: '2026-02-10' });
    expect(parseAnalysisView(new URLSearchParams('from=2026-02-10&to=2026-01-01'))).toMatchObject({
      period: 'thisMonth',
      from: undefined,
    });
    expect(parseAnalysisView(new URLSearchParams('from=2026-1-1&to=2026-02-10'))).toMatchObject({
      period: 'thisMonth',
    });
  });
  it('writes only what differs from the defaults, and round-trips', () => {
    expect(analysisViewParams({ period: 'thisMonth' }).toString()).toBe('');
    expect(analysisViewParams({ survey: SURVEY, period: 'lastMonth' }).toString()).toBe(
      `survey=${SURVEY}&period=lastMonth`,
    );
    expect(analysisViewParams({ period: 'custom', from: '2026-01-01', to: '2026-01-31' }).toString()).toBe(
      'from=2026-01-01&to=2026-01-31',
    );
    const view = { survey: SURVEY, orgUnit: UNIT, period: 'thisYear' as const };
    expect(parseAnalysisView(analysisViewParams(view))).toEqual({ ...view, from: undefined, to: undefined });
  });
});

describe('the periods', () => {
  it('reuses the dashboard presets in Shanghai time', () => {
    expect(analysisRange('thisMonth', NOW)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(analysisRange('lastMonth', NOW)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(analysisRange('thisYear', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });
  it('the last three months are this month and the two before it, up to today, across a new year', () => {
    expect(analysisRange('last3Months', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(analysisRange('last3Months', new Date('2026-02-03T04:00:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2026-02-03',
    });
    // 23:30 on 31 January UTC is already 1 February in Shanghai
    expect(analysisRange('last3Months', new Date('2026-01-31T23:30:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2026-02-01',
    });
  });
  it('a custom view covers its own days', () => {
    expect(rangeOf({ period: 'custom', from: '2025-10-01', to: '2025-10-07' }, NOW)).toEqual({
      from: '2025-10-01',
      to: '2025-10-07',
    });
    expect(rangeOf({ period: 'custom' }, NOW)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });
});
