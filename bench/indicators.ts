/**
 * Indicator and warning benchmarks on PostgreSQL (issue #5): N demo tickets over 12 months, the
 * day and month rollups brought up to date, then every dashboard tile for a one-year period
 * (province and a branch; alone and with 环比/同比), the drill-down tables (per-unit breakdown, the
 * league table, Pareto, heatmap and channel mix, the first page of tickets behind a figure) and
 * full warning evaluations over all org units.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { orgUnits } from '../apps/server/src/db/schema/index.js';
import { comparisonPeriods } from '@qloop/contracts';
import { computeBreakdown } from '../apps/server/src/modules/indicators/compute-breakdown.js';
import { computeIndicator } from '../apps/server/src/modules/indicators/compute-indicator.js';
import { loadIndicators } from '../apps/server/src/modules/indicators/indicator-catalog.js';
import { refreshTicketRollups } from '../apps/server/src/modules/indicators/refresh-ticket-rollups.js';
import { localDay } from '../apps/server/src/modules/indicators/ticket-facts.js';
import { traceIndicator } from '../apps/server/src/modules/indicators/trace-indicator.js';
import { findTickets } from '../apps/server/src/modules/tickets/tickets.repo.js';
import { evaluateWarnings } from '../apps/server/src/modules/warnings/evaluate-warnings.js';
import { loadOrgDirectory, watchedUnits } from '../apps/server/src/modules/warnings/org-directory.js';
import { indicatorByUnit } from '../apps/server/src/modules/warnings/unit-figures.js';
import { seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';
import { loadTickets } from './tickets.js';

const p95 = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: +s[Math.floor(s.length / 2)]!.toFixed(1), p95: +s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]!.toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
};
async function timed<T>(fn: () => Promise<T>, into: number[]): Promise<T> {
  const t = performance.now();
  const r = await fn();
  into.push(performance.now() - t);
  return r;
}

export async function benchIndicators(pgUrl: string, total: number, log: (s: string) => void) {
  const keep = process.env.BENCH_KEEP_DB;
  const name = keep ?? `qloop_bench_ind_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = keep ? (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [keep])).rowCount : 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  const db = database.db;
  const out: Record<string, unknown> = { tickets: total };
  try {
    await migrate(database.sql);
    if (!exists) {
      await seedCategories(db);
      await seedDemo(db);
      out.loadSeconds = +(await loadTickets(database, total, log)).toFixed(0);
    }
    // the rollups brought up to date: all of them on a fresh load; on a kept database whatever a
    // migration marked dirty (a new measure is backfilled this way)
    const t = performance.now();
    let n = 0;
    for (;;) {
      const r = await refreshTicketRollups(db, { batchSize: 5000, maxBatches: 20 });
      n += r.tickets;
      log(`  rollups: ${n} tickets (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      if (r.tickets === 0) break;
    }
    out.rollupSeconds = +((performance.now() - t) / 1000).toFixed(0);
    out.rollupTickets = n;
    // fresh statistics, as autovacuum keeps them in service (a migration may have just made tables)
    await database.sql.exec('ANALYZE');
    const [root] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'JN'));
    const [branch] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'JN-DZ'));
    const to = localDay(new Date());
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const inds = (await loadIndicators(db)).filter((i) => i.formula.kind !== 'survey');
    // warm the cache once, as a dashboard in use would have
    for (const ind of inds) await computeIndicator(db, ind, { orgUnitId: root!.id, from, to });
    const tiles: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const unit of [root!.id, branch!.id]) for (const ind of inds) await timed(() => computeIndicator(db, ind, { orgUnitId: unit, from, to }), tiles);
    }
    out.tileOneYear = p95(tiles);
    // a tile as the dashboard asks for it: with 环比 and 同比 (three periods)
    const compared: number[] = [];
    const periods = comparisonPeriods(from, to);
    for (let round = 0; round < 5; round++) {
      for (const ind of inds) {
        await timed(() => Promise.all([{ from, to }, periods.previous, periods.lastYear].map((p) => computeIndicator(db, ind, { orgUnitId: root!.id, ...p }))), compared);
      }
    }
    out.tileWithComparisons = p95(compared);
    const dir = await loadOrgDirectory(db);
    const breakdown: number[] = [];
    const charts: Record<string, number[]> = { league: [], pareto: [], heatmap: [], channelMix: [] };
    const ticketPage: number[] = [];
    const esc = inds.find((i) => i.key === 'escalation_rate')!;
    const complaints = inds.find((i) => i.key === 'complaints')!;
    const unit = { id: root!.id, path: [root!.id] };
    const slice = {};
    for (let round = 0; round < 20; round++) {
      for (const ind of inds.filter((i) => i.formula.kind !== 'live')) await timed(() => indicatorByUnit(db, dir, ind, watchedUnits(dir, ['branch', 'store']), from, to), breakdown);
      await timed(() => computeBreakdown(db, inds[round % inds.length]!, { unit, from, to, slice, by: 'unit', categoryLevel: 2 }), charts.league!);
      await timed(() => computeBreakdown(db, complaints, { unit, from, to, slice, by: 'category', categoryLevel: 2 }), charts.pareto!);
      await timed(() => computeBreakdown(db, complaints, { unit, from, to, slice, by: 'category', then: 'unit', categoryLevel: 2 }), charts.heatmap!);
      await timed(() => computeBreakdown(db, complaints, { unit, from, to, slice, by: 'channel', categoryLevel: 2 }), charts.channelMix!);
      for (const unit of [root!.id, branch!.id]) {
        await timed(async () => findTickets(db, (await traceIndicator(db, esc, { orgUnitId: unit, from, to, part: 'numerator', page: 1 + round, pageSize: 50 })).ticketIds), ticketPage);
      }
    }
    out.drillBreakdownAllUnits = p95(breakdown);
    out.dashboardCharts = Object.fromEntries(Object.entries(charts).map(([k, v]) => [k, p95(v)]));
    out.drillTicketPage = p95(ticketPage);
    const evals: number[] = [];
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await timed(() => evaluateWarnings(db), evals));
    out.warningEvaluation = { ...p95(evals), first: results[0], units: dir.units.size };
    return out;
  } finally {
    await database.sql.close();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
