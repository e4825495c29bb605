import type { Db } from '../../db/client.js';
import type { AuditEvent } from '../audit/append-audit.js';
import { lockStoredFigures, upsertFigures, type StoredFigure } from './external-values.repo.js';

/** A checked figure ready to store: the org unit, the stored day, and the value with its parts. */
export type FigureToWrite = {
  orgUnitId: string;
  orgUnitCode: string;
  period: string;
  day: string;
} & StoredFigure;

/** Replaced figures quoted in the audit entry, at most; the entry always counts them all. */
const AUDIT_QUOTED = 200;

/**
 * Writes figures of one indicator inside `tx` (a re-sent figure replaces the stored one; an equal
 * one is left alone) and returns the counts and one audit event for the batch: a push or an import
 * may carry thousands of figures, so the trail gets one entry per indicator and batch with the
 * counts, the periods and units touched, and the replaced figures before and after (the first 200).
 */
export async function writeExternalFigures(
  tx: Db,
  opts: {
    key: string;
    figures: readonly FigureToWrite[];
    source: 'import' | 'api';
    userId: string | null;
    file?: string;
  },
): Promise<{ created: number; replaced: number; unchanged: number; event: AuditEvent | null }> {
  const stored = await lockStoredFigures(tx, opts.key, opts.figures);
  const same = (a: StoredFigure, b: StoredFigure) =>
    a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
  const changed: FigureToWrite[] = [];
  const replaced: { orgUnitCode: string; period: string; before: StoredFigure; after: StoredFigure }[] = [];
  let created = 0;
  for (const f of opts.figures) {
    const was = stored.get(`${f.orgUnitId}|${f.day}`);
    if (was && same(was, f)) continue;
    changed.push(f);
    if (was)
      replaced.push({
        orgUnitCode: f.orgUnitCode,
        period: f.period,
        before: was,
        after: { value: f.value, numerator: f.numerator, denominator: f.denominator },
      });
    else created++;
  }
  const unchanged = opts.figures.length - changed.length;
  if (!changed.length) return { created: 0, replaced: 0, unchanged, event: null };
  await upsertFigures(tx, opts.key, changed, { source: opts.source, userId: opts.userId });
  const periods = changed.map((f) => f.period).sort();
  return {
    created,
    replaced: replaced.length,
    unchanged,
    event: {
      action: 'import',
      entityType: 'indicator_values',
      entityId: opts.key,
      after: {
        source: opts.source,
        ...(opts.file ? { file: opts.file } : {}),
        created,
        replaced: replaced.length,
        unchanged,
        periods: { from: periods[0], to: periods[periods.length - 1] },
        units: new Set(changed.map((f) => f.orgUnitCode)).size,
        replacedFigures: replaced.slice(0, AUDIT_QUOTED),
      },
    },
  };
}
