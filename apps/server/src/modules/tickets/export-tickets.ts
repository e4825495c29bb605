import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_LIMITS, type TicketSummary } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { toCsvLine } from '../../lib/csv.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { EXPORT_LABELS } from './export-labels.js';
import { listTickets, toTicketSummary, type TicketFilter } from './tickets.repo.js';

const BATCH = 1000;

/** Shanghai wall-clock time, as people read it in a spreadsheet. */
const local = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : '';

function rowOf(t: TicketSummary, L: (typeof EXPORT_LABELS)['zh-CN']): string[] {
  return [
    t.no, t.title, L.type[t.type], L.state[t.state], L.priority[t.priority], L.channel[t.channel], t.categoryName, t.orgUnitName,
    t.customer.name ?? '', t.customer.phone ?? '', t.assigneeName ?? '', t.firstOwnerName,
    t.escalated ? L.yes : '', t.repeatOf ? L.yes : '', t.regulatorAppeal ? L.yes : '',
    local(t.createdAt), local(t.closedAt), t.outcome ? L.outcome[t.outcome] : '',
  ];
}

/**
 * Streams the filtered list (the caller's scope, phones masked) as CSV or XLSX, in batches so
 * memory stays flat, up to EXPORT_LIMITS.maxRows. The export itself goes to the audit trail: who
 * took which customer list out of the system, with which filters.
 */
export async function exportTickets(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    filter: TicketFilter & { searchQuery?: string; sort?: string | undefined };
    format: 'csv' | 'xlsx';
    lang: 'zh-CN' | 'en-US';
  },
): Promise<{ stream: Readable; total: number }> {
  const L = EXPORT_LABELS[opts.lang];
  // an export holds every match up to its limit, so a search ranks them all, not only the newest
  const every = { countCap: EXPORT_LIMITS.maxRows, rankWindow: EXPORT_LIMITS.maxRows };
  const first = await listTickets(db, opts.principal, { ...opts.filter, page: 1, pageSize: BATCH, ...every });
  const total = Math.min(first.total, EXPORT_LIMITS.maxRows);
  await db.transaction((tx) =>
    appendAudit(tx, opts.audit, [
      { action: 'export', entityType: 'ticket', orgUnitId: opts.principal.orgUnitId, after: { format: opts.format, rows: total, filter: opts.filter } },
    ]),
  );
  const out = new PassThrough();
  const pages = async function* () {
    yield first.items;
    for (let page = 2; (page - 1) * BATCH < total; page++) {
      yield (await listTickets(db, opts.principal, { ...opts.filter, page, pageSize: BATCH, ...every })).items;
    }
  };
  const write = async () => {
    let written = 0;
    if (opts.format === 'csv') {
      out.write('\ufeff' + toCsvLine(L.columns) + '\r\n'); // BOM: Excel opens UTF-8 CSV correctly
      for await (const items of pages()) {
        for (const r of items) {
          if (written++ >= total) break;
          out.write(toCsvLine(rowOf(toTicketSummary(r), L)) + '\r\n');
        }
      }
      out.end();
      return;
    }
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet(opts.lang === 'zh-CN' ? '工单' : 'Tickets');
    ws.columns = L.columns.map((header, i) => ({ header, width: [20, 40][i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for await (const items of pages()) {
      for (const r of items) {
        if (written++ >= total) break;
        ws.addRow(rowOf(toTicketSummary(r), L)).commit();
      }
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err) => out.destroy(err));
  return { stream: out, total };
}
