import { Channel, RequestType, type IndicatorSlice } from '@qloop/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Figure } from '../../api/indicators';
import { PERIODS, periodRange, type Period } from './periods';

/**
 * The dashboard's view as it lives in the address bar, so a link reproduces it: the org unit shown,
 * the period (a preset, or from–to), the filters (request type, channel, category with its subtree),
 * the league table's indicator, the heatmap's category level, and the wall screen (大屏模式).
 */
export interface DashboardView {
  /** undefined: the unit chosen in the header */
  orgUnit?: string;
  period: Period | 'custom';
  /** the custom period, YYYY-MM-DD inclusive (only with period 'custom') */
  from?: string;
  to?: string;
  type?: RequestType;
  channel?: Channel;
  category?: string;
  /** the league table's indicator; undefined: the default one */
  league?: string;
  /** the heatmap's category level: 1 = the 3 categories, 2 = the perception elements */
  heatLevel: 1 | 2;
  wall: boolean;
}

export const DEFAULT_PERIOD: Period = 'thisMonth';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z][a-z0-9_]{1,59}$/;

/** The view a query string describes; anything unknown or invalid in a shared link is ignored. */
export function parseDashboardView(params: URLSearchParams): DashboardView {
  const get = (k: string) => params.get(k) ?? undefined;
  const from = get('from');
  const to = get('to');
  const custom = !!from && !!to && DAY.test(from) && DAY.test(to) && from <= to;
  const preset = get('period');
  const orgUnit = get('orgUnit');
  const category = get('category');
  const league = get('league');
  return {
    orgUnit: orgUnit && UUID.test(orgUnit) ? orgUnit : undefined,
    period: custom ? 'custom' : (PERIODS as readonly string[]).includes(preset ?? '') ? (preset as Period) : DEFAULT_PERIOD,
    from: custom ? from : undefined,
    to: custom ? to : undefined,
    type: RequestType.safeParse(get('type')).data,
    channel: Channel.safeParse(get('channel')).data,
    category: category && UUID.test(category) ? category : undefined,
    league: league && KEY.test(league) ? league : undefined,
    heatLevel: get('heatLevel') === '1' ? 1 : 2,
    wall: get('wall') === '1' || get('wall') === 'true',
  };
}

/** The address of a view: only what differs from the defaults. */
export function dashboardViewParams(view: Partial<DashboardView>): URLSearchParams {
  const out = new URLSearchParams();
  const set = (k: string, v: string | undefined) => v !== undefined && v !== '' && out.set(k, v);
  set('orgUnit', view.orgUnit);
  if (view.period === 'custom' && view.from && view.to) {
    set('from', view.from);
    set('to', view.to);
  } else if (view.period && view.period !== 'custom' && view.period !== DEFAULT_PERIOD) set('period', view.period);
  set('type', view.type);
  set('channel', view.channel);
  set('category', view.category);
  set('league', view.league);
  if (view.heatLevel === 1) set('heatLevel', '1');
  if (view.wall) set('wall', '1');
  return out;
}

/** The filters that narrow the figures (type, channel, category); empty when none is set. */
export function sliceOf(view: DashboardView): IndicatorSlice {
  return {
    ...(view.type ? { type: view.type } : {}),
    ...(view.channel ? { channel: view.channel } : {}),
    ...(view.category ? { category: view.category } : {}),
  };
}

export const hasSlice = (view: DashboardView) => !!(view.type || view.channel || view.category);

/** The figure every tile and chart asks for: the unit shown (or the header's), the period, the filters. */
export function figureOf(view: DashboardView, headerUnitId: string, now: Date): Figure {
  const range = view.period === 'custom' && view.from && view.to ? { from: view.from, to: view.to } : periodRange(view.period === 'custom' ? DEFAULT_PERIOD : view.period, now);
  return { orgUnit: view.orgUnit ?? headerUnitId, ...range, ...sliceOf(view) };
}

/** Reads and writes the dashboard view in the query string. */
export function useDashboardView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseDashboardView(params), [params]);

  /** Changes some of the view; `push` adds a history entry (drilling down), otherwise the address is replaced. */
  const patch = useCallback(
    (p: Partial<DashboardView>, push = false) => {
      // from the address itself, so two changes made before the router committed do not undo each other
      const current = parseDashboardView(new URLSearchParams(window.location.search));
      setParams(dashboardViewParams({ ...current, ...p }), { replace: !push });
    },
    [setParams],
  );

  /** Clears the filters (type, channel, category), keeping the unit, the period and the mode. */
  const clearFilters = useCallback(() => patch({ type: undefined, channel: undefined, category: undefined }), [patch]);

  return { view, patch, clearFilters };
}

/** The wall screen (大屏模式) shows the dashboard without the app's menu and header. */
export const isWallScreen = (pathname: string, search: string) => pathname === '/dashboard' && parseDashboardView(new URLSearchParams(search)).wall;
