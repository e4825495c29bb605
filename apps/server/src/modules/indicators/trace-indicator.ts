import { sql } from 'drizzle-orm';
import type { Indicator, IndicatorSlice, MeasureFilter } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { filterConditions } from './measure-filter-sql.js';

/** The ticket set a part of a formula counts, or why it has none. */
function filterOf(ind: Indicator, part: 'numerator' | 'denominator'): MeasureFilter {
  const f = ind.formula;
  // a percentile's tickets are those whose duration was measured (its denominator)
  if (f.kind === 'percentile') return { ...f.filter, measure: f.duration === 'frt' ? 'frt_n' : 'handle_n' };
  if (part === 'denominator') {
    if (f.kind === 'ratio') return f.denominator;
    if (f.kind === 'external') throw badRequest('this figure is supplied from outside, not counted from tickets: see its values (GET /indicators/{key}/values)');
    throw badRequest(f.kind === 'per_customers' ? 'the denominator is the customer base, not tickets' : 'this figure has no denominator');
  }
  if (f.kind === 'ratio' || f.kind === 'per_customers' || f.kind === 'count') return f.numerator;
  if (f.kind === 'external') throw badRequest('this figure is supplied from outside, not counted from tickets: see its values (GET /indicators/{key}/values)');
  throw badRequest(f.kind === 'survey' ? 'this figure is made of survey answers, not tickets' : 'open tickets are listed in the work list (filter: open)');
}

/**
 * The tickets behind a figure, newest day first: read from the same per-ticket contributions the
 * rollups are summed from, so the list always has exactly as many tickets as the figure counts.
 */
export async function traceIndicator(
  db: Db,
  ind: Indicator,
  opts: { orgUnitId: string; from: string; to: string; part: 'numerator' | 'denominator'; page: number; pageSize: number; slice?: IndicatorSlice },
): Promise<{ ticketIds: string[]; total: number }> {
  const f = filterOf(ind, opts.part);
  const rows = rowsOf<{ ticket_id: string; total: number }>(
    await db.execute(sql`
      SELECT c.ticket_id, count(*) OVER ()::int AS total FROM ticket_rollup_contributions c
      WHERE ${filterConditions('c', f, opts.orgUnitId, opts.from, opts.to, opts.slice ?? {})} AND coalesce((c.measures->>${f.measure})::numeric, 0) <> 0
      ORDER BY c.day DESC, c.ticket_id
      LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`),
  );
  return { ticketIds: rows.map((r) => r.ticket_id), total: Number(rows[0]?.total ?? 0) };
}
