import { describe, expect, it } from 'vitest';
import { breakdownXlsxHref } from '../../api/indicators';
import { dashboardViewParams, figureOf, hasSlice, parseDashboardView } from './dashboard-view';

const UNIT = '0b6b0a3e-5b8e-4d0e-9a53-5f3f7a0c1d11';
const HEADER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const CATEGORY = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const now = new Date('2026-12-01T16:30:00Z'); // 2 Dec in Beijing

const view = (q: string) => parseDashboardView(new URLSearchParams(q));

describe('the dashboard in the address bar', () => {
  it('defaults: the header unit, this month, no filters, office mode', () => {
    const v = view('');
    expect(v).toEqual({ period: 'thisMonth', heatLevel: 2, wall: false, orgUnit: undefined, from: undefined, to: undefined, type: undefined, channel: undefined, category: undefined, league: undefined });
    expect(dashboardViewParams(v).toString()).toBe('');
    expect(figureOf(v, HEADER, now)).toEqual({ orgUnit: HEADER, from: '2026-12-01', to: '2026-12-02' });
    expect(hasSlice(v)).toBe(false);
  });
  it('reads a shared link back as it was written', () => {
    const q = `orgUnit=${UNIT}&period=lastMonth&type=complaint&channel=hotline&category=${CATEGORY}&league=fcr&heatLevel=1&wall=1`;
    const v = view(q);
    expect(v).toMatchObject({ orgUnit: UNIT, period: 'lastMonth', type: 'complaint', channel: 'hotline', category: CATEGORY, league: 'fcr', heatLevel: 1, wall: true });
    expect(dashboardViewParams(v).toString()).toBe(q);
    expect(hasSlice(v)).toBe(true);
    expect(figureOf(v, HEADER, now)).toEqual({ orgUnit: UNIT, from: '2026-11-01', to: '2026-11-30', type: 'complaint', channel: 'hotline', category: CATEGORY });
  });
  it('a custom period is its first and last day', () => {
    const v = view('from=2026-10-01&to=2026-10-15');
    expect(v.period).toBe('custom');
    expect(figureOf(v, HEADER, now)).toMatchObject({ from: '2026-10-01', to: '2026-10-15' });
    expect(dashboardViewParams(v).toString()).toBe('from=2026-10-01&to=2026-10-15');
  });
  it('ignores what it does not understand', () => {
    const v = view('orgUnit=东州&period=forever&type=gossip&channel=pigeon&category=1&from=2026-10-15&to=2026-10-01&heatLevel=7&league=DROP%20TABLE');
    expect(dashboardViewParams(v).toString()).toBe('');
  });
});

describe('the export link', () => {
  it('asks the same breakdown as a spreadsheet in the reader’s language', () => {
    const href = breakdownXlsxHref('on_time_rate', { orgUnit: UNIT, from: '2026-11-01', to: '2026-11-30', by: 'unit', channel: 'hotline' }, 'en');
    expect(href).toBe(`/api/v1/indicators/on_time_rate/breakdown?orgUnit=${UNIT}&from=2026-11-01&to=2026-11-30&by=unit&channel=hotline&format=xlsx&lang=en`);
  });
});
