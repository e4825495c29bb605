import {
  LIMITS,
  SURVEY_RECOVERY_SORTS,
  SURVEY_RECOVERY_STATUSES,
  type SurveyRecoveryStatus,
} from '@qloop/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { RecoveryFilters } from '../../api/survey-recoveries';

/** `orgUnit=all` in the address: the user cleared the unit, so the header's unit does not apply. */
export const ALL_UNITS = 'all';
/** The tabs: the three statuses, open first (the work still to do), then every recovery. */
export const RECOVERY_TABS = [...SURVEY_RECOVERY_STATUSES, 'all'] as const;
export type RecoveryTab = (typeof RECOVERY_TABS)[number];

/**
 * The recovery list's view as it lives in the address bar, so a link (from a ticket, a report, a
 * colleague) opens the same list. Only what differs from the defaults is written.
 */
export interface RecoveryView {
  tab: RecoveryTab;
  page: number;
  pageSize: number;
  sort: (typeof SURVEY_RECOVERY_SORTS)[number];
  /** a unit id, ALL_UNITS, or undefined = the header's unit */
  orgUnit?: string;
  survey?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}

const DEFAULTS = { tab: 'open', page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-createdAt' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positive(v: string | null, fallback: number, max = Infinity): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The view a query string describes; anything unknown or invalid in a shared link falls back to the default. */
export function parseRecoveryView(params: URLSearchParams): RecoveryView {
  const pick = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(v as T) ? (v as T) : fallback;
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const unit = params.get('orgUnit');
  const survey = params.get('survey');
  return {
    tab: pick(params.get('tab'), RECOVERY_TABS, DEFAULTS.tab),
    page: positive(params.get('page'), DEFAULTS.page),
    pageSize: positive(params.get('pageSize'), DEFAULTS.pageSize, LIMITS.pageSizeMax),
    sort: pick(params.get('sort'), SURVEY_RECOVERY_SORTS, DEFAULTS.sort),
    orgUnit: unit === ALL_UNITS || (unit && UUID.test(unit)) ? unit : undefined,
    survey: survey && UUID.test(survey) ? survey : undefined,
    from: day('from'),
    to: day('to'),
  };
}

/** The address of a view: only what differs from the defaults. */
export function recoveryViewParams(view: RecoveryView): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(view) as [keyof RecoveryView, string | number | undefined][]) {
    if (v === undefined || v === '' || DEFAULTS[k as keyof typeof DEFAULTS] === v) continue;
    out.set(k, String(v));
  }
  return out;
}

/** The API query of a view: the tab's status, the header's unit unless one was chosen or cleared. */
export function toRecoveryFilters(view: RecoveryView, headerUnitId: string | undefined): RecoveryFilters {
  const { tab, orgUnit, ...rest } = view;
  return {
    ...rest,
    status: tab === 'all' ? undefined : (tab satisfies SurveyRecoveryStatus),
    orgUnit: orgUnit === ALL_UNITS ? undefined : (orgUnit ?? headerUnitId),
  };
}

/** Reads and writes the list view in the query string. */
export function useRecoveryView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseRecoveryView(params), [params]);

  /** Changes some of the view; anything but the page itself goes back to page 1. */
  const patch = useCallback(
    (p: Partial<RecoveryView>) => {
      // from the address itself, so two changes made before the router committed do not undo each other
      const next = { ...parseRecoveryView(new URLSearchParams(window.location.search)), ...p };
      if (!('page' in p)) next.page = 1;
      setParams(recoveryViewParams(next), { replace: !('page' in p && Object.keys(p).length === 1) });
    },
    [setParams],
  );

  /** Back to the defaults, keeping the tab and the page size. */
  const reset = useCallback(() => {
    const { tab, pageSize } = parseRecoveryView(new URLSearchParams(window.location.search));
    setParams(recoveryViewParams({ ...DEFAULTS, tab, pageSize }));
  }, [setParams]);

  return { view, patch, reset };
}
