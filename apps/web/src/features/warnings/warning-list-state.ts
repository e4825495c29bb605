import {
  LIMITS,
  WarningLevel,
  WarningListQuery,
  WarningRuleKind,
  WarningState,
  WARNING_SORTS,
} from '@qloop/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { WarningFilters } from '../../api/warnings';

/** `orgUnit=all` in the address: the user cleared the unit, so the header's unit does not apply. */
export const ALL_UNITS = 'all';

/**
 * The warning list's filters as they live in the address bar (so the dashboard can link to
 * "red warnings of 东州" and a view can be shared). Open-only is on unless `open=0`.
 */
export interface WarningView {
  page: number;
  pageSize: number;
  sort?: (typeof WARNING_SORTS)[number];
  /** false only when the user turned "open only" off */
  open: boolean;
  state?: WarningState;
  level?: WarningLevel;
  kind?: WarningRuleKind;
  /** a unit id, ALL_UNITS, or undefined = the header's unit */
  orgUnit?: string;
  planOverdue?: boolean;
  /** YYYY-MM-DD, inclusive */
  raisedFrom?: string;
  raisedTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positive(v: string | null, fallback: number, max = Infinity): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function one<T>(
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  v: string | null,
): T | undefined {
  if (!v) return undefined;
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
}

/** The view a query string describes; anything unknown or invalid in a shared link is ignored. */
export function parseWarningView(params: URLSearchParams): WarningView {
  const unit = params.get('orgUnit');
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  return {
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), LIMITS.pageSizeDefault, LIMITS.pageSizeMax),
    sort: (WARNING_SORTS as readonly string[]).includes(params.get('sort') ?? '')
      ? (params.get('sort') as WarningView['sort'])
      : undefined,
    open: params.get('open') !== '0' && params.get('open') !== 'false',
    state: one(WarningState, params.get('state')),
    level: one(WarningLevel, params.get('level')),
    kind: one(WarningRuleKind, params.get('kind')),
    orgUnit:
      unit === ALL_UNITS || WarningListQuery.shape.orgUnit.safeParse(unit ?? undefined).data
        ? (unit ?? undefined)
        : undefined,
    planOverdue: params.get('planOverdue') === '1' || params.get('planOverdue') === 'true' ? true : undefined,
    raisedFrom: day('raisedFrom'),
    raisedTo: day('raisedTo'),
  };
}

/** The address of a view: only what differs from the defaults. */
export function warningViewParams(view: Partial<WarningView>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(view)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'page' && v === 1) continue;
    if (k === 'pageSize' && v === LIMITS.pageSizeDefault) continue;
    if (k === 'open') {
      if (v === false) out.set('open', '0');
      continue;
    }
    out.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v as string | number));
  }
  return out;
}

/** A link to the warning list with some filters, e.g. from the dashboard: `/warnings?level=red&orgUnit=…`. */
export function warningsLink(view: Partial<WarningView>): string {
  const q = warningViewParams(view).toString();
  return q ? `/warnings?${q}` : '/warnings';
}

/**
 * The API query for a view: the header's unit unless one was chosen or cleared. A state filter says
 * exactly what to show, so it overrides open-only (which would hide a closed state).
 */
export function toWarningFilters(view: WarningView, headerUnitId: string | undefined): WarningFilters {
  const { orgUnit, open, ...rest } = view;
  return {
    ...rest,
    open: view.state ? undefined : open || undefined,
    orgUnit: orgUnit === ALL_UNITS ? undefined : (orgUnit ?? headerUnitId),
  };
}

/** Reads and writes the list view in the query string. */
export function useWarningView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseWarningView(params), [params]);

  /** Changes some of the view; anything but the page itself goes back to page 1. */
  const patch = useCallback(
    (p: Partial<WarningView>) => {
      // from the address itself, so two changes made before the router committed do not undo each other
      const current = parseWarningView(new URLSearchParams(window.location.search));
      const next: WarningView = { ...current, ...p };
      if (!('page' in p)) next.page = 1;
      setParams(warningViewParams(next), { replace: !('page' in p && Object.keys(p).length === 1) });
    },
    [setParams],
  );

  /** Back to the defaults (open only, the header's unit), keeping the page size. */
  const reset = useCallback(() => {
    const { pageSize } = parseWarningView(new URLSearchParams(window.location.search));
    setParams(warningViewParams({ pageSize }));
  }, [setParams]);

  return { view, patch, reset };
}
