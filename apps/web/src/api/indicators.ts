import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Indicator,
  IndicatorBreakdown,
  IndicatorSeries,
  IndicatorValue,
  pageOf,
  TicketSummary,
  type BreakdownDimension,
  type IndicatorSlice,
} from '@qloop/contracts';
import { z } from 'zod';
import { api, API_BASE, queryString } from './client';

const IndicatorList = z.object({ items: z.array(Indicator) });
const TicketPage = pageOf(TicketSummary);

/** A figure: an org unit (with its subtree), a period, and the dashboard's filters (type, channel, category). */
export type Figure = { orgUnit: string; from: string; to: string } & IndicatorSlice;

/** How often a figure refetches on its own (the wall screen: every 60 s); false: only when asked. */
export interface LiveOptions {
  refetchInterval?: number | false;
}

/** The indicator library (built-in indicators of kpis.md). */
export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => api.get('/indicators', IndicatorList, undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** One indicator for an org subtree and a period; `value` null = no data. `compare` adds 环比 and 同比. */
export function useIndicatorValue(key: string, f: Figure & { compare?: boolean }, enabled = true, live: LiveOptions = {}) {
  return useQuery({
    queryKey: ['indicator-value', key, f],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/value`, IndicatorValue, { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: live.refetchInterval ?? false,
  });
}

/** The tickets a figure counts (its numerator or denominator), paged. */
export function useIndicatorTickets(key: string, f: Figure & { part: 'numerator' | 'denominator'; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['indicator-tickets', key, f],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/tickets`, TicketPage, { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The figure per day, ISO week or month over the period. */
export function useIndicatorSeries(key: string, f: Figure & { grain: 'day' | 'week' | 'month' }, enabled = true) {
  return useQuery({
    queryKey: ['indicator-series', key, f],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/series`, IndicatorSeries, { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One or two dimensions of a breakdown (下钻): a league table, a Pareto, a heatmap, a channel mix. */
export type Breakdown = Figure & { by: BreakdownDimension; then?: BreakdownDimension; categoryLevel?: number };

/** The indicator broken down by child units, categories, channels or request types. */
export function useIndicatorBreakdown(key: string | undefined, b: Breakdown, live: LiveOptions = {}) {
  return useQuery({
    queryKey: ['indicator-breakdown', key, b],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/breakdown`, IndicatorBreakdown, { ...b }, signal),
    placeholderData: keepPreviousData,
    enabled: !!key,
    refetchInterval: live.refetchInterval ?? false,
  });
}

/** The same breakdown as an .xlsx download (a plain link: the session is a cookie, a GET needs no CSRF token). */
export function breakdownXlsxHref(key: string, b: Breakdown, lang: 'zh' | 'en'): string {
  return `${API_BASE}/indicators/${encodeURIComponent(key)}/breakdown${queryString({ ...b, format: 'xlsx', lang })}`;
}
