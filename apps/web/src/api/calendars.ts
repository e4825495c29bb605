import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Calendar, CalendarPreview, type CreateCalendarBody, type UpdateCalendarBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const CalendarList = z.object({ items: z.array(Calendar) });
const Deadline = z.object({ deadline: z.string() });
const Minutes = z.object({ minutes: z.number().int() });
/** Previews live under the same key, so a saved calendar refreshes its month view too. */
const calendarsKey = ['calendars'] as const;
const path = (key: string) => `/calendars/${encodeURIComponent(key)}`;

/** Business calendars (工作日历) with their whole definitions; SLA policies pick one by key. */
export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: calendarsKey,
    queryFn: ({ signal }) => api.get('/calendars', CalendarList, undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** Every day of `month` (YYYY-MM) on a calendar: kind, holiday name, open ranges. */
export function useCalendarPreview(key: string | undefined, month: string) {
  return useQuery({
    queryKey: [...calendarsKey, key, 'preview', month],
    queryFn: ({ signal }) => api.get(`${path(key!)}/preview`, CalendarPreview, { month }, signal),
    enabled: !!key,
    // the previous month stays on screen while the next one loads: no flicker when paging
    placeholderData: keepPreviousData,
  });
}

export function useCreateCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCalendarBody>) => api.post('/calendars', body, Calendar),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarsKey }),
  });
}

export function useUpdateCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: z.input<typeof UpdateCalendarBody> & { key: string }) => api.put(path(key), body, Calendar),
    // also after a 409: the editor reloads the version someone else saved
    onSettled: () => qc.invalidateQueries({ queryKey: calendarsKey }),
  });
}

/** Deadline calculator: `start` (ISO with offset) plus `minutes` of business time. */
export function useAddBusinessMinutes() {
  return useMutation({
    mutationFn: ({ key, start, minutes }: { key: string; start: string; minutes: number }) =>
      api.get(`${path(key)}/add-business-minutes`, Deadline, { start, minutes }),
  });
}

/** Business minutes between two instants (ISO with offset). */
export function useBusinessMinutes() {
  return useMutation({
    mutationFn: ({ key, from, to }: { key: string; from: string; to: string }) =>
      api.get(`${path(key)}/business-minutes`, Minutes, { from, to }),
  });
}
