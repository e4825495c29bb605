import { LIMITS, TICKET_VIEWS, TicketQuery } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { TicketFilters } from '../../api/tickets';

/**
 * The work list's tabs: the server's work views (assigned to me; in my groups' queues; accepted by me
 * as 首问), or everything in scope (no `view` in the address, as in the API).
 */
export const WORK_VIEWS = [...TICKET_VIEWS, 'all'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];
export const DEFAULT_VIEW: WorkView = 'all';

/** `orgUnitId=all` in the address: the user cleared the unit, so the header's unit does not apply. */
export const ALL_UNITS = 'all';

type Query = z.output<typeof TicketQuery>;

/**
 * How the list keeps each GET /tickets parameter in its address. Checked against TicketQuery, so a
 * filter added to the contract is a compile error here until the list decides what to do with it.
 * `as is`: same name, same text as the API reads it (parsed with the contract's own schema).
 */
const QUERY_KEYS = {
  page: 'paging',
  pageSize: 'paging',
  sort: 'as is',
  q: 'as is',
  state: 'as is',
  type: 'as is',
  channel: 'as is',
  priority: 'as is',
  categoryId: 'as is',
  customerId: 'as is',
  assigneeId: 'as is',
  groupId: 'as is',
  escalated: 'as is',
  repeat: 'as is',
  open: 'as is',
  overdue: 'as is',
  atRisk: 'as is',
  /** the tab: mine | my_groups | accepted as in the API */
  view: 'tab',
  /** another person's 首问 tickets: not a list filter of its own (the accepted tab is mine) */
  firstOwnerId: 'tab',
  /** a unit, ALL_UNITS, or absent = the header's unit */
  orgUnitId: 'unit',
  /** YYYY-MM-DD in the address (a saved filter's ISO time is read too); ISO with offset in the API */
  from: 'day',
  to: 'day',
} as const satisfies Record<keyof Query, string>;

type AsIsKey = { [K in keyof typeof QUERY_KEYS]: (typeof QUERY_KEYS)[K] extends 'as is' ? K : never }[keyof typeof QUERY_KEYS];
const AS_IS_KEYS = (Object.keys(QUERY_KEYS) as (keyof typeof QUERY_KEYS)[]).filter((k): k is AsIsKey => QUERY_KEYS[k] === 'as is');

/** The list's view as it lives in the address bar, so it can be bookmarked, shared and saved. */
export type ListView = Pick<Query, AsIsKey> & {
  view: WorkView;
  page: number;
  pageSize: number;
  /** a unit id, ALL_UNITS, or undefined = the header's unit */
  orgUnitId?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positive(v: string | null, fallback: number, max = Infinity): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The view a query string describes; anything unknown or invalid in a shared link is ignored. */
export function parseView(params: URLSearchParams): ListView {
  const asIs = Object.fromEntries(
    AS_IS_KEYS.flatMap((k) => {
      const v = params.get(k)?.trim();
      if (!v) return [];
      const r = TicketQuery.shape[k].safeParse(v);
      return r.success && r.data !== undefined ? [[k, r.data]] : [];
    }),
  ) as Pick<Query, AsIsKey>;
  const day = (k: 'from' | 'to') => {
    const v = params.get(k);
    if (!v) return undefined;
    if (DAY.test(v)) return v;
    const r = TicketQuery.shape[k].safeParse(v);
    return r.success && r.data ? dayjs(r.data).format('YYYY-MM-DD') : undefined;
  };
  // `scope` is the address of older bookmarks (mine | accepted | all)
  const tab = params.get('view') ?? params.get('scope') ?? '';
  const unit = params.get('orgUnitId');
  const unitOk = unit === ALL_UNITS || TicketQuery.shape.orgUnitId.safeParse(unit ?? undefined).data !== undefined;
  return {
    ...asIs,
    view: (WORK_VIEWS as readonly string[]).includes(tab) ? (tab as WorkView) : DEFAULT_VIEW,
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), LIMITS.pageSizeDefault, LIMITS.pageSizeMax),
    orgUnitId: unitOk ? (unit ?? undefined) : undefined,
    from: day('from'),
    to: day('to'),
  };
}

/** The address of a view: only what differs from the defaults. */
function toParams(view: ListView): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(view) as [keyof ListView, unknown][]) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'page' && v === 1) continue;
    if (k === 'pageSize' && v === LIMITS.pageSizeDefault) continue;
    if (k === 'view' && v === DEFAULT_VIEW) continue;
    out.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v as string | number));
  }
  return out;
}

/** Reads and writes the list view in the query string. */
export function useListView() {
  const [params, setParams] = useSearchParams();
  const list = useMemo(() => parseView(params), [params]);

  /** Changes some of the view; anything but the page itself goes back to page 1. */
  const patch = useCallback(
    (p: Partial<ListView>) => {
      // from the address itself: the router renders a navigation as a transition, and a second
      // change made before it committed (a tab, then a search at once) must not undo the first
      const current = parseView(new URLSearchParams(window.location.search));
      const next: ListView = { ...current, ...p };
      if (!('page' in p)) next.page = 1;
      // turning pages adds history entries (Back returns to the previous page); filters replace
      setParams(toParams(next), { replace: !('page' in p && Object.keys(p).length === 1) });
    },
    [setParams],
  );

  /** Clears the filters, keeping the tab. */
  const reset = useCallback(() => {
    const { view, pageSize } = parseView(new URLSearchParams(window.location.search));
    setParams(toParams({ view, pageSize, page: 1 }));
  }, [setParams]);

  /** Shows a saved filter: its parameters on page 1, keeping the page size. */
  const apply = useCallback(
    (query: Record<string, string>) => {
      const { pageSize } = parseView(new URLSearchParams(window.location.search));
      setParams(toParams({ ...parseView(new URLSearchParams(query)), pageSize, page: 1 }));
    },
    [setParams],
  );

  return { list, patch, reset, apply };
}

const dayStart = (d: string) => dayjs(d).startOf('day').format();
const dayEnd = (d: string) => dayjs(d).endOf('day').format();

/** The API query for a view: the tab → view / first owner; the header's unit unless one was chosen. */
export function toFilters(list: ListView, me: { id: string }, headerUnitId: string): TicketFilters {
  const { view, orgUnitId, from, to, ...rest } = list;
  return {
    ...rest,
    view: view === 'all' ? undefined : view,
    // my own work and my queues are mine wherever they were filed; the other tabs follow the header's unit
    orgUnitId: orgUnitId === ALL_UNITS ? undefined : (orgUnitId ?? (view === 'all' ? headerUnitId : undefined)),
    from: from ? dayStart(from) : undefined,
    to: to ? dayEnd(to) : undefined,
  };
}

/**
 * A view as a saved filter stores it (the API checks it against TicketQuery): the address without
 * paging, dates as ISO times, and without what the API cannot read — a cleared unit (the header's
 * unit then applies, as for any filter without a unit).
 */
export function savedQueryOf(list: ListView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of toParams(list)) {
    if (k === 'page' || k === 'pageSize') continue;
    if (k === 'orgUnitId' && v === ALL_UNITS) continue;
    out[k] = k === 'from' ? dayStart(v) : k === 'to' ? dayEnd(v) : v;
  }
  return out;
}

/** Whether a saved filter's parameters describe the same list as the view (in any spelling of them). */
export function sameQuery(list: ListView, query: Record<string, string>): boolean {
  const a = savedQueryOf(list);
  const b = savedQueryOf(parseView(new URLSearchParams(query)));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
