import { Channel, LIMITS, Priority, RequestType, TicketState } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { TicketFilters } from '../../api/tickets';

/** Which tickets the list shows: assigned to me, accepted by me (首问), or everything in scope. */
export const SCOPES = ['mine', 'accepted', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** `orgUnitId=all` in the address: the user cleared the unit, so the header's unit does not apply. */
export const ALL_UNITS = 'all';

/** The list's view as it lives in the address bar, so it can be bookmarked and shared. */
export interface ListView {
  scope: Scope;
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  state?: TicketState;
  type?: RequestType;
  channel?: Channel;
  priority?: Priority;
  /** a unit id, ALL_UNITS, or undefined = the header's unit */
  orgUnitId?: string;
  categoryId?: string;
  /** one customer's history (from the ticket page's customer panel) */
  customerId?: string;
  escalated?: boolean;
  repeat?: boolean;
  open?: boolean;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pick<T>(schema: z.ZodType<T>, v: string | null): T | undefined {
  if (v === null) return undefined;
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
}

function positive(v: string | null, fallback: number, max = Infinity): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The view a query string describes; anything unknown in a shared link is ignored. */
function parseView(params: URLSearchParams, defaultScope: Scope): ListView {
  const scope = params.get('scope');
  const str = (k: string) => params.get(k)?.trim() || undefined;
  const flag = (k: string) => (params.get(k) === '1' ? true : undefined);
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  return {
    scope: (SCOPES as readonly string[]).includes(scope ?? '') ? (scope as Scope) : defaultScope,
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), LIMITS.pageSizeDefault, LIMITS.pageSizeMax),
    sort: str('sort'),
    q: str('q'),
    state: pick(TicketState, params.get('state')),
    type: pick(RequestType, params.get('type')),
    channel: pick(Channel, params.get('channel')),
    priority: pick(Priority, params.get('priority')),
    orgUnitId: str('orgUnitId'),
    categoryId: str('categoryId'),
    customerId: str('customerId'),
    escalated: flag('escalated'),
    repeat: flag('repeat'),
    open: flag('open'),
    from: day('from'),
    to: day('to'),
  };
}

/** Reads and writes the list view in the query string. */
export function useListView(defaultScope: Scope) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params, defaultScope), [params, defaultScope]);

  /** Changes some of the view; anything but the page itself goes back to page 1. */
  const patch = useCallback(
    (p: Partial<ListView>) => {
      // from the address itself: the router renders a navigation as a transition, and a second
      // change made before it committed (a tab, then a search at once) must not undo the first
      const current = parseView(new URLSearchParams(window.location.search), defaultScope);
      const next: ListView = { ...current, ...p };
      if (!('page' in p)) next.page = 1;
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next) as [keyof ListView, unknown][]) {
        if (v === undefined || v === null || v === '' || v === false) continue;
        if (k === 'page' && v === 1) continue;
        if (k === 'pageSize' && v === LIMITS.pageSizeDefault) continue;
        if (k === 'scope' && v === defaultScope) continue;
        out.set(k, v === true ? '1' : String(v as string | number));
      }
      // turning pages adds history entries (Back returns to the previous page); filters replace
      setParams(out, { replace: !('page' in p && Object.keys(p).length === 1) });
    },
    [setParams, defaultScope],
  );

  const reset = useCallback(() => {
    const out = new URLSearchParams();
    const scope = parseView(new URLSearchParams(window.location.search), defaultScope).scope;
    if (scope !== defaultScope) out.set('scope', scope);
    setParams(out);
  }, [defaultScope, setParams]);

  return { view, patch, reset };
}

/** The API query for a view: scope → assignee / first owner; the header's unit unless one was chosen. */
export function toFilters(view: ListView, me: { id: string }, headerUnitId: string): TicketFilters {
  const { scope, orgUnitId, from, to, ...rest } = view;
  return {
    ...rest,
    assigneeId: scope === 'mine' ? me.id : undefined,
    firstOwnerId: scope === 'accepted' ? me.id : undefined,
    // my own work is mine wherever it was filed; the whole list follows the header's unit
    orgUnitId: orgUnitId === ALL_UNITS ? undefined : (orgUnitId ?? (scope === 'all' ? headerUnitId : undefined)),
    from: from ? dayjs(from).startOf('day').format() : undefined,
    to: to ? dayjs(to).endOf('day').format() : undefined,
  };
}
