import type { Calendar } from '@qloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** ISO weekdays, Monday first, as the calendars API numbers them and Chinese calendars print them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

export interface TimeRange {
  start: string;
  end: string;
}

/** "09:00–12:00 13:00–18:00" */
export function formatRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}–${r.end}`).join(' ');
}

/** Weekday names and a one-line-per-group summary of a calendar's week, in the current language. */
export function useCalendarLabels() {
  const { t } = useTranslation();
  const weekday = useCallback((d: number) => t(`calendars.weekday_${d as IsoWeekday}`), [t]);
  const weekdayShort = useCallback((d: number) => t(`calendars.weekdayShort_${d as IsoWeekday}`), [t]);

  /**
   * Consecutive weekdays with the same hours share a line: "周一至周五 09:00–12:00 13:00–18:00",
   * "周六 09:00–12:00". Closed days are left out; a 24×7 calendar is one line.
   */
  const weekSummary = useCallback(
    (c: Pick<Calendar, 'mode' | 'week'>): string[] => {
      if (c.mode === '24x7') return [t('calendars.mode_24x7')];
      const runs: { from: number; to: number; hours: string }[] = [];
      for (const d of ISO_WEEKDAYS) {
        const ranges = c.week[String(d) as `${IsoWeekday}`] ?? [];
        const hours = formatRanges(ranges);
        const last = runs.at(-1);
        if (!hours) continue;
        if (last && last.hours === hours && last.to === d - 1) last.to = d;
        else runs.push({ from: d, to: d, hours });
      }
      return runs.map((r) => {
        const days =
          r.from === r.to
            ? weekday(r.from)
            : r.to === r.from + 1
              ? `${weekday(r.from)}${t('calendars.listSep')}${weekday(r.to)}`
              : t('calendars.weekdaySpan', { from: weekday(r.from), to: weekday(r.to) });
        return `${days} ${r.hours}`;
      });
    },
    [t, weekday],
  );

  return { weekday, weekdayShort, weekSummary };
}
