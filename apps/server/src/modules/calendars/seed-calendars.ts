import type { BusinessCalendar, TimeRange } from './calendar-types.js';

const OFFICE_DAY: readonly TimeRange[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/**
 * 标准工作日: Monday–Friday 09:00–12:00 and 13:00–18:00 (8 hours) in Beijing time, closed on statutory
 * holidays, open on 调休 make-up days with Monday's (i.e. the weekday) hours.
 */
export const CN_STANDARD: BusinessCalendar = {
  key: 'cn-standard',
  name: '标准工作日（周一至周五 9:00–18:00，法定节假日及调休）',
  timeZone: 'Asia/Shanghai',
  mode: 'weekly',
  week: { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY },
  useStatutoryHolidays: true,
  makeUpDayHoursFrom: 1,
  extraHolidays: [],
  extraWorkdays: [],
};

/** 7×24 小时: every minute counts, holidays and midnight included. */
export const ROUND_THE_CLOCK: BusinessCalendar = {
  key: '24x7',
  name: '7×24 小时',
  timeZone: 'Asia/Shanghai',
  mode: '24x7',
  week: {},
  useStatutoryHolidays: false,
  makeUpDayHoursFrom: 1,
  extraHolidays: [],
  extraWorkdays: [],
};

export const SEED_CALENDARS: readonly BusinessCalendar[] = [CN_STANDARD, ROUND_THE_CLOCK];
