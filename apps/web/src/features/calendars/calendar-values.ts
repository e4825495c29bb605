import type { Calendar, CalendarDefinition } from '@qloop/contracts';
import type { z } from 'zod';
import { ISO_WEEKDAYS, type IsoWeekday, type TimeRange } from './calendar-labels';

/** Every weekday present (an empty list = closed), so each has its own Form.List in the editor. */
export type WeekValues = Record<`${IsoWeekday}`, TimeRange[]>;

/** The editor's form: the definition's own shape, so the server's field paths name its fields. */
export interface CalendarValues {
  key?: string;
  name: string;
  timeZone: string;
  mode: '24x7' | 'weekly';
  week: WeekValues;
  useStatutoryHolidays: boolean;
  makeUpDayHoursFrom: number;
  extraHolidays: string[];
  extraWorkdays: string[];
}

const OFFICE_DAY: TimeRange[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

function weekOf(week: Calendar['week'] | null): WeekValues {
  return Object.fromEntries(
    ISO_WEEKDAYS.map((d) => {
      const key = String(d) as `${IsoWeekday}`;
      // a new calendar (or a 24×7 one switched to weekly) starts from office hours on weekdays
      const ranges = week ? (week[key] ?? []) : d <= 5 ? OFFICE_DAY : [];
      return [key, ranges.map((r) => ({ ...r }))];
    }),
  ) as WeekValues;
}

/** The form's starting values: the calendar as saved, or a Beijing-time office calendar. */
export function toCalendarValues(c: Calendar | null): CalendarValues {
  if (!c) {
    return {
      key: '',
      name: '',
      timeZone: 'Asia/Shanghai',
      mode: 'weekly',
      week: weekOf(null),
      useStatutoryHolidays: true,
      makeUpDayHoursFrom: 1,
      extraHolidays: [],
      extraWorkdays: [],
    };
  }
  return {
    key: c.key,
    name: c.name,
    timeZone: c.timeZone,
    mode: c.mode,
    week: weekOf(c.mode === 'weekly' ? c.week : null),
    useStatutoryHolidays: c.useStatutoryHolidays,
    makeUpDayHoursFrom: c.makeUpDayHoursFrom,
    extraHolidays: [...c.extraHolidays],
    extraWorkdays: [...c.extraWorkdays],
  };
}

/**
 * What the API stores. A 24×7 calendar has no week, holidays or extra days (the server refuses
 * them), so whatever the weekly fields held while the mode was switched is left out.
 */
export function toDefinition(v: CalendarValues): z.input<typeof CalendarDefinition> {
  const common = { name: v.name.trim(), timeZone: v.timeZone, makeUpDayHoursFrom: v.makeUpDayHoursFrom };
  if (v.mode === '24x7') {
    return { ...common, mode: '24x7', week: {}, useStatutoryHolidays: false, extraHolidays: [], extraWorkdays: [] };
  }
  const week = Object.fromEntries(Object.entries(v.week).filter(([, ranges]) => ranges.length > 0));
  return {
    ...common,
    mode: 'weekly',
    week,
    useStatutoryHolidays: v.useStatutoryHolidays,
    extraHolidays: v.extraHolidays,
    extraWorkdays: v.extraWorkdays,
  };
}
