import { describe, expect, it } from 'vitest';
import { ALL_UNITS, parseRecoveryView, recoveryViewParams, toRecoveryFilters } from './recovery-list-state';

const UNIT = '0b6b0a3e-5b8e-4d0e-9a53-5f3f7a0c1d11';
const SURVEY = '5f0c1d11-9a53-4d0e-8b8e-0b6b0a3e5b8e';
const HEADER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the recovery list in the address bar', () => {
  it('defaults: the open ones, newest first, first page, the header unit; an empty address', () => {
    const v = parseRecoveryView(new URLSearchParams(''));
    expect(v).toEqual({
      tab: 'open',
      page: 1,
      pageSize: 20,
      sort: '-createdAt',
      orgUnit: undefined,
      survey: undefined,
      from: undefined,
      to: undefined,
    });
    expect(toRecoveryFilters(v, HEADER)).toEqual({
      status: 'open',
      page: 1,
      pageSize: 20,
      sort: '-createdAt',
      orgUnit: HEADER,
      survey: undefined,
      from: undefined,
      to: undefined,
    });
    expect(recoveryViewParams(v).toString()).toBe('');
  });

  it('reads a view back as it was written; the 全部 tab asks for every status', () => {
    const written = recoveryViewParams({
      tab: 'all',
      page: 3,
      pageSize: 50,
      sort: 'createdAt',
      orgUnit: UNIT,
      survey: SURVEY,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(written.toString()).toBe(
      `tab=all&page=3&pageSize=50&sort=createdAt&orgUnit=${UNIT}&survey=${SURVEY}&from=2026-11-01&to=2026-11-30`,
    );
    const v = parseRecoveryView(written);
    expect(recoveryViewParams(v).toString()).toBe(written.toString());
    expect(toRecoveryFilters(v, HEADER)).toMatchObject({
      status: undefined,
      orgUnit: UNIT,
      survey: SURVEY,
      sort: 'createdAt',
      page: 3,
    });
    expect(toRecoveryFilters(parseRecoveryView(new URLSearchParams('tab=recovered')), HEADER).status).toBe(
      'recovered',
    );
  });

  it('a cleared unit lists the whole scope; nonsense in a shared link falls back to the defaults', () => {
    const cleared = parseRecoveryView(new URLSearchParams(`orgUnit=${ALL_UNITS}`));
    expect(toRecoveryFilters(cleared, HEADER).orgUnit).toBeUndefined();
    expect(recoveryViewParams(cleared).toString()).toBe('orgUnit=all');
    const junk = parseRecoveryView(
      new URLSearchParams(
        'tab=won&page=-2&pageSize=5000&sort=reason&orgUnit=DZ&survey=x&from=1.11.2026&to=2026-11-3',
      ),
    );
    expect(junk).toEqual({
      tab: 'open',
      page: 1,
      pageSize: 200,
      sort: '-createdAt',
      orgUnit: undefined,
      survey: undefined,
      from: undefined,
      to: undefined,
    });
  });
});
