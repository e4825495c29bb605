import type { CalendarDefinition } from '@qloop/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendars } from '../../db/schema/index.js';
import { badRequest, conflict, isUniqueViolation } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import { engineCalendar, loadCalendar, toCalendar } from './calendars.repo.js';
import { validateCalendar } from './validate-calendar.js';
import { recomputeCalendarClocks } from '../sla/recompute-calendar-clocks.js';

/** Refuses a definition the engine would reject, naming each field to fix. */
function assertUsable(key: string, definition: CalendarDefinition) {
  const issues = validateCalendar(engineCalendar(key, definition));
  if (issues.length) {
    throw badRequest(
      issues.map((i) => i.message).join('; '),
      issues.map((i) => ({ path: `body.${i.path}`, code: i.code, message: i.message })),
    );
  }
}

/** Creates a calendar (audited). */
export async function createCalendar(db: Db, opts: { audit: AuditContext; key: string; definition: CalendarDefinition }) {
  assertUsable(opts.key, opts.definition);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(calendars).values({ key: opts.key, definition: opts.definition }).returning();
      await appendAudit(tx, opts.audit, [{ action: 'create', entityType: 'calendar', entityId: opts.key, after: opts.definition }]);
      return toCalendar(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`a calendar with key “${opts.key}” already exists`);
    throw e;
  }
}

/**
 * Replaces a calendar's definition. The editor sends the version it loaded; a calendar changed
 * meanwhile answers 409 instead of silently overwriting the other edit. Audited with before/after.
 */
export async function updateCalendar(db: Db, opts: { audit: AuditContext; key: string; version: number; definition: CalendarDefinition }) {
  assertUsable(opts.key, opts.definition);
  return db.transaction(async (tx) => {
    const current = await loadCalendar(tx, opts.key, true);
    if (current.version !== opts.version) {
      throw conflict('this calendar was changed by someone else; reload it and try again', { currentVersion: current.version });
    }
    const changes = diffFields(current.definition as unknown as Record<string, unknown>, opts.definition as unknown as Record<string, unknown>);
    if (!changes) return toCalendar(current);
    const [row] = await tx
      .update(calendars)
      .set({ definition: opts.definition, version: sql`${calendars.version} + 1`, updatedAt: new Date() })
      .where(eq(calendars.key, opts.key))
      .returning();
    // running clocks on this calendar keep the minutes already spent and count the rest on the new hours
    const recomputed = await recomputeCalendarClocks(tx, {
      oldCalendar: engineCalendar(opts.key, current.definition),
      newCalendar: engineCalendar(opts.key, opts.definition),
      at: new Date(),
    });
    await appendAudit(tx, opts.audit, [{ action: 'update', entityType: 'calendar', entityId: opts.key, ...changes, after: { ...changes.after, recomputedClocks: recomputed.clocks } }]);
    return toCalendar(row!);
  });
}
