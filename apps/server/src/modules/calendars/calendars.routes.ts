import { z } from 'zod';
import {
  AddBusinessMinutesQuery,
  BusinessMinutesQuery,
  Calendar,
  CalendarKeyParams,
  CalendarPreview,
  CalendarPreviewQuery,
  CreateCalendarBody,
  UpdateCalendarBody,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { addBusinessMinutes } from './add-business-minutes.js';
import { businessMinutesBetween } from './business-minutes-between.js';
import { engineCalendarOf, listCalendars, loadCalendar, toCalendar } from './calendars.repo.js';
import { monthPreview } from './month-preview.js';
import { createCalendar, updateCalendar } from './save-calendar.js';
import { formatInZone } from './time-zone.js';
import { CalendarError } from './validate-calendar.js';
import { badRequest } from '../../lib/errors.js';

/** The engine refuses what it cannot compute (no working time for years, out-of-range input): a 400, not a 500. */
function computing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarError || e instanceof RangeError) throw badRequest(e.message);
    throw e;
  }
}

export function registerCalendarRoutes(app: App): void {
  const tags = ['calendars and SLA'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendars',
    access: 'sla:read',
    summary: 'Business calendars (工作日历)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(Calendar) }) } },
    handler: async (_req, _reply, { database }) => ({ items: (await listCalendars(database.db)).map(toCalendar) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendars/:key',
    access: 'sla:read',
    summary: 'One calendar',
    tags,
    schema: { params: CalendarKeyParams, response: { 200: Calendar } },
    handler: async (req, _reply, { database }) => toCalendar(await loadCalendar(database.db, req.params.key)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/calendars',
    access: 'sla:manage',
    summary: 'Create a calendar; each problem in the definition is answered with the field to fix',
    tags,
    schema: { body: CreateCalendarBody, response: { 201: Calendar } },
    handler: async (req, reply, { database, audit }) => {
      const { key, ...definition } = req.body;
      reply.code(201);
      return createCalendar(database.db, { audit, key, definition });
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/calendars/:key',
    access: 'sla:manage',
    summary: 'Replace a calendar’s definition (send the version you loaded)',
    tags,
    schema: { params: CalendarKeyParams, body: UpdateCalendarBody, response: { 200: Calendar } },
    handler: async (req, _reply, { database, audit }) => {
      const { version, ...definition } = req.body;
      return updateCalendar(database.db, { audit, key: req.params.key, version, definition });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendars/:key/preview',
    access: 'sla:read',
    summary: 'Every day of a month: kind (workday, weekend, holiday, make-up day), holiday name, open ranges',
    tags,
    schema: { params: CalendarKeyParams, querystring: CalendarPreviewQuery, response: { 200: CalendarPreview } },
    handler: async (req, _reply, { database }) => {
      const calendar = engineCalendarOf(await loadCalendar(database.db, req.params.key));
      const [year, month] = req.query.month.split('-').map(Number) as [number, number];
      const preview = computing(() => monthPreview(calendar, year, month));
      return {
        key: calendar.key,
        month: req.query.month,
        days: preview.days.map((d) => ({
          date: d.date, isoWeekday: d.isoWeekday, kind: d.kind, holidayName: d.holidayName, ranges: [...d.ranges],
          minutes: d.workingMinutes, provisional: d.provisional,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendars/:key/add-business-minutes',
    access: 'sla:read',
    summary: 'Deadline calculator: `start` plus `minutes` of business time → { deadline } in the calendar’s zone, ISO 8601 with offset',
    tags,
    schema: { params: CalendarKeyParams, querystring: AddBusinessMinutesQuery, response: { 200: z.object({ deadline: z.string() }) } },
    handler: async (req, _reply, { database }) => {
      const calendar = engineCalendarOf(await loadCalendar(database.db, req.params.key));
      return { deadline: formatInZone(calendar.timeZone, computing(() => addBusinessMinutes(calendar, new Date(req.query.start), req.query.minutes))) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendars/:key/business-minutes',
    access: 'sla:read',
    summary: 'Business minutes between `from` and `to` (0 when `to` is not after `from`)',
    tags,
    schema: { params: CalendarKeyParams, querystring: BusinessMinutesQuery, response: { 200: z.object({ minutes: z.number().int() }) } },
    handler: async (req, _reply, { database }) => {
      const calendar = engineCalendarOf(await loadCalendar(database.db, req.params.key));
      return { minutes: computing(() => businessMinutesBetween(calendar, new Date(req.query.from), new Date(req.query.to), [])) };
    },
  });
}
