import { eq, sql } from 'drizzle-orm';
import { IMPORT_LIMITS, type ImportMapping, type ImportMode } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { retryLostRace } from '../../db/retry-lost-race.js';
import { categories, orgUnits, ticketImports } from '../../db/schema/index.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { notifyAssignedInBulk } from '../tickets/accept-tickets.js';
import { bulkCreateTickets } from './bulk-create-tickets.js';
import { findAlreadyImported } from './find-already-imported.js';
import { splitIntoLanes } from './import-lanes.js';
import { parseTicketRows, type ImportLookups, type ParsedTicketRow, type RowError } from './parse-ticket-rows.js';
import { sheetRowsOf } from './ticket-imports.repo.js';

const CHUNK = 1000;
/** how often a running import proves it is alive; `failStaleImports` gives up after several misses */
export const IMPORT_HEARTBEAT_MS = 15_000;

/**
 * Progress of imports running in this process. An all-or-nothing import writes everything in one
 * transaction, so its committed counters cannot move until the end; the status read overlays this.
 */
const liveProgress = new Map<string, { processed: number; imported: number }>();
export const liveImportProgress = (id: string) => liveProgress.get(id);

async function lookups(db: Db, p: Principal): Promise<ImportLookups> {
  const cats = await db.select({ id: categories.id, code: categories.code, path: categories.path }).from(categories).where(eq(categories.active, true));
  const units = await db
    .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path })
    .from(orgUnits)
    .where(p.provinceWide ? sql`${orgUnits.active}` : sql`${orgUnits.active} AND ${orgUnits.path} @> ARRAY[${p.orgUnitId}]::uuid[]`);
  return {
    categories: new Map(cats.map((c) => [c.code.toLowerCase(), { id: c.id, path: c.path }])),
    orgUnits: new Map(units.map((u) => [u.code.toLowerCase(), { id: u.id, path: u.path }])),
  };
}

/** The report keeps the first errors; the count says how many there were. */
const report = (errors: RowError[]) => ({ errors: errors.slice(0, IMPORT_LIMITS.keptErrors), errorCount: errors.length });
/** A finished import keeps no uploaded rows: they hold customers' phones and names. */
const NO_ROWS = { rows: null, rowNumbers: null };

/** Phone and number of the customers on file that rows of the import name by either. */
async function knownCustomerKeys(db: Db, rows: readonly ParsedTicketRow[]): Promise<{ phone: string; customerNo: string }[]> {
  const phones = [...new Set(rows.map((r) => r.phone).filter((x): x is string => !!x))];
  const nos = [...new Set(rows.map((r) => r.customerNo).filter((x): x is string => !!x))];
  if (!phones.length || !nos.length) return [];
  return db.execute(sql`
    SELECT phone, customer_no AS "customerNo" FROM customers
    WHERE phone IS NOT NULL AND customer_no IS NOT NULL AND (phone = ANY(${sql.param(phones)}::text[]) OR customer_no = ANY(${sql.param(nos)}::text[]))`)
    .then((r) => rowsOf<{ phone: string; customerNo: string }>(r));
}

/** Lanes of a valid-rows import written at once (two cores: one for the server, one for the database). */
const IMPORT_LANES = 2;

/** A guarded update of an uploaded import found it changed meanwhile: say what became of it. */
async function lostRace(db: Db, id: string): Promise<never> {
  const [now] = await db.select({ status: ticketImports.status }).from(ticketImports).where(eq(ticketImports.id, id));
  // deleted by the purge of uploads never run
  if (!now) throw notFound('import');
  throw conflict(now.status === 'running' ? 'this import has already started' : `this import is already ${now.status}`);
}

/**
 * Validates an uploaded import against a column mapping — every row on its own, duplicates within
 * the file, and rows repeating tickets already in the database — and records the result with the
 * mapping and mode it was made with. Unless it is a dry run, it then starts the import in the
 * background and returns at once; progress is read from the import record.
 * valid_rows imports the good rows chunk by chunk (each chunk committed) and reports the bad ones;
 * all_or_nothing imports nothing if any row is bad, and otherwise everything in one transaction.
 */
export async function runTicketImport(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; mapping: ImportMapping; mode: ImportMode; dryRun: boolean; now?: Date },
): Promise<{ started: boolean; done: Promise<void> }> {
  const now = opts.now ?? new Date();
  const [job] = await db.select().from(ticketImports).where(eq(ticketImports.id, opts.id));
  if (!job || job.userId !== opts.principal.userId) throw badRequest('unknown import');
  if (job.status !== 'uploaded') throw conflict(`this import is already ${job.status}`);
  const sheet = sheetRowsOf(job);
  const parsed = parseTicketRows({ headers: job.headers, rows: sheet }, opts.mapping, await lookups(db, opts.principal), now);
  if (parsed.mappingErrors.length) throw badRequest(parsed.mappingErrors.join('; '), parsed.mappingErrors.map((m) => ({ path: 'body.mapping', message: m })));
  const repeats = await findAlreadyImported(db, parsed.valid);
  const repeated = new Set(repeats.map((e) => e.row));
  const valid = repeated.size ? parsed.valid.filter((r) => !repeated.has(r.row)) : parsed.valid;
  const errors = [...parsed.errors, ...repeats].sort((a, b) => a.row - b.row);
  const failed = new Set(errors.map((e) => e.row)).size;
  const checked = { mapping: opts.mapping, mode: opts.mode, validatedAt: new Date(), ...report(errors), failedRows: failed };
  const whileUploaded = sql`${ticketImports.id} = ${job.id} AND ${ticketImports.status} = 'uploaded'`;

  if (opts.dryRun || (opts.mode === 'all_or_nothing' && failed > 0)) {
    const finished = opts.dryRun
      ? { processedRows: 0 }
      : { ...NO_ROWS, status: 'done' as const, processedRows: sheet.length, finishedAt: new Date(), message: 'nothing imported: the file has bad rows' };
    const updated = await db.update(ticketImports).set({ ...checked, ...finished }).where(whileUploaded).returning({ id: ticketImports.id });
    if (!updated.length) await lostRace(db, job.id);
    return { started: false, done: Promise.resolve() };
  }

  // claim the job: a second run request loses here
  const claimed = await db
    .update(ticketImports)
    .set({ ...checked, status: 'running', heartbeatAt: new Date() })
    .where(whileUploaded)
    .returning({ id: ticketImports.id });
  if (!claimed.length) await lostRace(db, job.id);

  const progress = (processed: number, imported: number) => {
    liveProgress.set(job.id, { processed, imported });
    // two lanes' updates can commit out of order: the counts never step back
    return db
      .update(ticketImports)
      .set({
        processedRows: sql`GREATEST(${ticketImports.processedRows}, ${processed})`,
        importedRows: sql`GREATEST(${ticketImports.importedRows}, ${imported})`,
        heartbeatAt: new Date(),
      })
      .where(eq(ticketImports.id, job.id));
  };
  // Beats outside any transaction; on an embedded single-connection database it simply waits for
  // the running chunk, which is fine: only a beat missing for minutes means the server is gone.
  const heartbeat = setInterval(() => {
    db.update(ticketImports).set({ heartbeatAt: new Date() }).where(sql`${ticketImports.id} = ${job.id} AND ${ticketImports.status} = 'running'`)
      .catch(() => undefined);
  }, IMPORT_HEARTBEAT_MS).unref();
  const finish = async (status: 'done' | 'failed', message: string | null, imported: number) => {
    clearInterval(heartbeat);
    liveProgress.delete(job.id);
    await db
      .update(ticketImports)
      .set({ ...NO_ROWS, status, message, importedRows: imported, processedRows: sheet.length, finishedAt: new Date() })
      .where(eq(ticketImports.id, job.id));
  };

  // rows intake refused at write time although they passed the check (e.g. a category retired meanwhile)
  const late: RowError[] = [];
  class RefusedRows extends Error {}
  const recordLate = (failedRows: number) =>
    db
      .update(ticketImports)
      .set({ ...report([...errors, ...late].sort((a, b) => a.row - b.row)), failedRows })
      .where(eq(ticketImports.id, job.id));
  const done = (async () => {
    let imported = 0;
    const assigned = new Map<string, number>(); // tickets the import handed each person
    try {
      if (opts.mode === 'all_or_nothing') {
        await db.transaction(async (tx) => {
          for (let i = 0; i < valid.length; i += CHUNK) {
            const r = await bulkCreateTickets(tx, { principal: opts.principal, audit: opts.audit, rows: valid.slice(i, i + CHUNK), now, assigned });
            imported += r.imported;
            late.push(...r.errors);
            if (late.length) throw new RefusedRows();
            // not committed yet: only this process's overlay shows it
            liveProgress.set(job.id, { processed: Math.min(i + CHUNK, valid.length), imported: 0 });
          }
          await notifyAssignedInBulk(tx, assigned);
          await appendAudit(tx, opts.audit, [{ action: 'import', entityType: 'ticket', entityId: job.id, orgUnitId: opts.principal.orgUnitId, after: { file: job.filename, mode: opts.mode, imported } }]);
        });
        await finish('done', null, imported);
        return;
      }
      // Lanes written at the same time, each chunk committed: while one lane's chunk is in the
      // database the other's is being prepared, so the server and PostgreSQL work together instead
      // of in turn. A customer's rows all go to one lane (import-lanes.ts). When a lane fails, the
      // others stop after their current chunk and the import reports what was written.
      let written = 0;
      let stop = false;
      const lanes = splitIntoLanes(valid, IMPORT_LANES, await knownCustomerKeys(db, valid));
      const results = await Promise.allSettled(lanes.map(async (lane) => {
        for (let i = 0; i < lane.length && !stop; i += CHUNK) {
          const rows = lane.slice(i, i + CHUNK);
          const handed = new Map<string, number>(); // counted once the chunk has committed
          const r = await retryLostRace(() => {
            handed.clear();
            return db.transaction((tx) => bulkCreateTickets(tx, { principal: opts.principal, audit: opts.audit, rows, now, assigned: handed }));
          });
          for (const [userId, n] of handed) assigned.set(userId, (assigned.get(userId) ?? 0) + n);
          imported += r.imported;
          late.push(...r.errors);
          written += rows.length;
          // invalid rows are counted as they come in the file, in proportion
          await progress(Math.floor((written / valid.length) * sheet.length), imported);
        }
      }).map((p) => p.catch((err) => {
        stop = true;
        throw err;
      })));
      const failedLane = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failedLane) throw failedLane.reason;
      const notImported = failed + late.length;
      if (late.length) await recordLate(notImported);
      await db.transaction(async (tx) => {
        // each person is told once, for the whole import, how many tickets it handed them
        await notifyAssignedInBulk(tx, assigned);
        await appendAudit(tx, opts.audit, [{ action: 'import', entityType: 'ticket', entityId: job.id, orgUnitId: opts.principal.orgUnitId, after: { file: job.filename, mode: opts.mode, imported, failed: notImported } }]);
      });
      await finish('done', notImported ? `${notImported} rows not imported; see the report` : null, imported);
    } catch (err) {
      if (err instanceof RefusedRows) {
        await recordLate(failed + late.length);
        await finish('done', 'nothing imported: rows were refused while importing; see the report', 0);
        return;
      }
      // chunks committed before the failure keep their assignments: their assignees are told
      if (opts.mode === 'valid_rows') await db.transaction((tx) => notifyAssignedInBulk(tx, assigned)).catch(() => undefined);
      await finish('failed', `import stopped: ${(err as Error).message}; ${opts.mode === 'all_or_nothing' ? 'nothing was imported' : `${imported} rows were imported before it stopped`}`, opts.mode === 'all_or_nothing' ? 0 : imported);
    }
  })();
  return { started: true, done };
}
