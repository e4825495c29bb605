
import { z } from 'zod';
import {
  AddNoteBody,
  BulkTransitionBody,
  BulkTransitionResult,
  EXPORT_LIMITS,
  TicketExportQuery,
  Assignee,
  AssigneeQuery,
  CreateTicketBody,
  IdParams,
  TicketDetail,
  TicketPage,
  TicketQuery,
  TransitionBody,
} from '@qloop/contracts';
import { badRequest } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { addTicketNote } from './add-ticket-note.js';
import { intakeQueueOf } from './intake-queue.js';
import { getTicketDetail } from './get-ticket-detail.js';
import { searchQueryOf } from './search-text.js';
import { listTickets, toTicketSummary } from './tickets.repo.js';
import { slaSummariesOf } from '../sla/sla.repo.js';
import { transitionTicket } from './transition-ticket.js';
import { listAssignees } from './list-assignees.js';
import { exportTickets } from './export-tickets.js';
import { bulkTransitionTickets } from './bulk-transition-tickets.js';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,100}$/;

/**
 * `q` is a ticket number or its beginning (GD + at least 6 digits) or Chinese full text, segmented
 * like the stored text.
 */
function searchFilter<T extends { q?: string | undefined }>(query: T) {
  const looksLikeNo = query.q && /^GD\d{6,14}$/i.test(query.q);
  const searchQuery = query.q && !looksLikeNo ? searchQueryOf(query.q) : undefined;
  if (query.q && !looksLikeNo && !searchQuery) throw badRequest('the search text has no words to look for');
  return { ...query, ...(searchQuery ? { searchQuery, q: undefined } : { q: query.q?.toUpperCase() }) };
}

export function registerTicketRoutes(app: App): void {
  const tags = ['work orders'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/assignees',
    access: 'tickets:handle',
    summary: 'People a ticket can be assigned or transferred to (name and unit only)',
    tags,
    schema: { querystring: AssigneeQuery, response: { 200: z.object({ items: z.array(Assignee) }) } },
    handler: async (req, _reply, { database }) => ({ items: await listAssignees(database.db, req.query) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets',
    access: 'tickets:create',
    summary: 'Accept a request as a work order. Send an Idempotency-Key header so retries never create duplicates.',
    tags,
    schema: { body: CreateTicketBody, response: { 200: TicketDetail, 201: TicketDetail } },
    handler: async (req, reply, ctx) => {
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw badRequest('Idempotency-Key must be 8–100 letters, digits or . _ : -');
      }
      const result = await intakeQueueOf(ctx.database).submit({ principal: ctx.principal, audit: ctx.audit, input: req.body, idempotencyKey: key });
      if (!result.ok) throw result.error;
      reply.code(result.replayed ? 200 : 201);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.detail ? result.detail(ctx.principal) : getTicketDetail(ctx.database.db, ctx.principal, result.id, { afterOwnAction: true });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets',
    access: 'tickets:read',
    summary: 'Tickets in scope: filters, sorting, paging; q = Chinese full-text search (ranked) or a ticket number',
    tags,
    schema: { querystring: TicketQuery, response: { 200: TicketPage } },
    handler: async (req, _reply, { database, principal }) => {
      const q = req.query;
      const { items, ...counted } = await listTickets(database.db, principal, { ...searchFilter(q), page: q.page, pageSize: q.pageSize });
      const sla = await slaSummariesOf(database.db, items.map((r) => r.ticket.id));
      return { items: items.map((r) => ({ ...toTicketSummary(r), sla: sla.get(r.ticket.id) ?? null })), page: q.page, pageSize: q.pageSize, ...counted };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/export',
    access: 'tickets:read',
    summary: `Export the filtered list (same filters as the list) as XLSX or CSV, at most ${EXPORT_LIMITS.maxRows} rows; phones masked; audited`,
    tags,
    schema: { querystring: TicketExportQuery },
    handler: async (req, reply, ctx) => {
      const { format, lang, ...q } = req.query;
      const { stream, total } = await exportTickets(ctx.database.db, {
        principal: ctx.principal,
        audit: ctx.audit,
        filter: searchFilter(q),
        format,
        lang,
      });
      const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="tickets-${stamp}.${format}"`)
        .header('x-total-count', String(total));
      return reply.send(stream);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/:id',
    access: 'tickets:read',
    summary: 'One ticket with its timeline, related tickets and the actions its state allows',
    tags,
    schema: { params: IdParams, response: { 200: TicketDetail } },
    handler: async (req, _reply, { database, principal }) => getTicketDetail(database.db, principal, req.params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/transitions',
    access: 'tickets:handle',
    summary: 'Move a ticket: assign, start, pend, resume, transfer, answer, follow_up, close, reopen, archive, cancel, merge',
    tags,
    schema: { params: IdParams, body: TransitionBody, response: { 200: TicketDetail } },
    handler: async (req, _reply, ctx) => {
      await transitionTicket(ctx.database.db, { principal: ctx.principal, audit: ctx.audit, id: req.params.id, input: req.body });
      return getTicketDetail(ctx.database.db, ctx.principal, req.params.id, { afterOwnAction: true });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/bulk-transitions',
    access: 'tickets:handle',
    summary: 'Assign, transfer or close many tickets at once; each ticket succeeds or fails on its own, with a result per ticket',
    tags,
    schema: { body: BulkTransitionBody, response: { 200: BulkTransitionResult } },
    handler: async (req, _reply, ctx) =>
      bulkTransitionTickets(ctx.database.db, { principal: ctx.principal, audit: ctx.audit, input: req.body, log: req.log }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/:id/notes',
    access: 'tickets:handle',
    summary: 'Add a public reply, internal note or call record',
    tags,
    schema: { params: IdParams, body: AddNoteBody, response: { 201: TicketDetail } },
    handler: async (req, reply, ctx) => {
      await addTicketNote(ctx.database.db, { principal: ctx.principal, audit: ctx.audit, id: req.params.id, ...req.body });
      reply.code(201);
      return getTicketDetail(ctx.database.db, ctx.principal, req.params.id);
    },
  });
}

