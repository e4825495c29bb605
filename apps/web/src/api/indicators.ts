import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Indicator, IndicatorSeries, IndicatorValue, pageOf, TicketSummary } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const IndicatorList = z.object({ items: z.array(Indicator) });
const TicketPage = pageOf(TicketSummary);

export type Figure = { orgUnit: string; from: string; to: string };

/** The indicator library (built-in indicators of kpis.md). */
export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => api.get('/indicators', IndicatorList, undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** One indicator for an org subtree and a period; `value` null = no data. */
export function useIndicatorValue(key: string, f: Figure, enabled = true) {
  return useQuery({
    queryKey: ['indicator-value', key, f],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/value`, IndicatorValue, { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
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
