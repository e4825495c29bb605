import { describe, expect, it } from 'vitest';
import {
  ALL_UNITS,
  parseWarningView,
  toWarningFilters,
  warningsLink,
  warningViewParams,
} from './warning-list-state';

const UNIT = '0b6b0a3e-5b8e-4d0e-9a53-5f3f7a0c1d11';
const HEADER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the warning list in the address bar', () => {
  it('defaults: open only, first page, the header unit', () => {
    const v = parseWarningView(new URLSearchParams(''));
    expect(v).toMatchObject({ page: 1, pageSize: 20, open: true });
    expect(toWarningFilters(v, HEADER)).toEqual({ page: 1, pageSize: 20, open: true, orgUnit: HEADER });
    expect(warningViewParams(v).toString()).toBe('');
  });
  it('reads filters back as they were written', () => {
    const link = warningsLink({ level: 'red', orgUnit: UNIT, planOverdue: true });
    expect(link).toBe(`/warnings?level=red&orgUnit=${UNIT}&planOverdue=1`);
    const v = parseWarningView(new URLSearchParams(link.split('?')[1]));
    expect(v).toMatchObject({ level: 'red', orgUnit: UNIT, planOverdue: true, open: true });
    expect(toWarningFilters(v, HEADER)).toMatchObject({
      level: 'red',
      orgUnit: UNIT,
      planOverdue: true,
      open: true,
    });
  });
  it('open only can be turned off; a state filter overrides it', () => {
    const off = parseWarningView(new URLSearchParams('open=0'));
    expect(off.open).toBe(false);
    expect(toWarningFilters(off, HEADER).open).toBeUndefined();
    expect(warningViewParams(off).toString()).toBe('open=0');
    const closed = parseWarningView(new URLSearchParams('state=closed'));
    expect(toWarningFilters(closed, HEADER)).toMatchObject({ state: 'closed', open: undefined });
  });
  it('a cleared unit lists the whole scope; nonsense in a shared link is ignored', () => {
    expect(
      toWarningFilters(parseWarningView(new URLSearchParams(`orgUnit=${ALL_UNITS}`)), HEADER).orgUnit,
    ).toBeUndefined();
    const v = parseWarningView(
      new URLSearchParams(
        'level=purple&state=done&kind=x&orgUnit=nope&sort=colour&raisedFrom=yesterday&page=-2&pageSize=9999',
      ),
    );
    expect(v).toEqual({
      page: 1,
      pageSize: 200,
      open: true,
      sort: undefined,
      state: undefined,
      level: undefined,
      kind: undefined,
      orgUnit: undefined,
      planOverdue: undefined,
      raisedFrom: undefined,
      raisedTo: undefined,
    });
  });
});
