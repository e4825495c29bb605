import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import { BUILT_IN_KEYS } from './built-in-indicators.js';
import {
  deleteIndicatorRow,
  findCustomIndicator,
  indicatorReferences,
  toIndicator,
} from './indicators.repo.js';

/**
 * Deletes a custom indicator nothing refers to (a definition made by mistake). One that warning
 * rules or raised warnings name, or that has external values, must not vanish from under them:
 * deactivate it instead (PUT with active: false), which hides it from the dashboard and keeps it
 * resolvable. Its per-unit settings go with it. Audited.
 */
export async function deleteIndicator(db: Db, opts: { audit: AuditContext; key: string }): Promise<void> {
  if (BUILT_IN_KEYS.has(opts.key)) throw badRequest('built-in indicators cannot be deleted');
  await db.transaction(async (tx) => {
    const row = await findCustomIndicator(tx, opts.key, true);
    if (!row) throw notFound('indicator');
    const refs = await indicatorReferences(tx, opts.key);
    if (refs.rules || refs.warnings || refs.values) {
      const what = [
        refs.rules && `${refs.rules} warning rule(s)`,
        refs.warnings && `${refs.warnings} warning(s)`,
        refs.values && `${refs.values} supplied value(s)`,
      ]
        .filter(Boolean)
        .join(', ');
      throw conflict(
        `${what} refer to this indicator; deactivate it instead (active: false), so they keep their meaning`,
        refs,
      );
    }
    await deleteIndicatorRow(tx, opts.key);
    await appendAudit(tx, opts.audit, [
      { action: 'delete', entityType: 'indicator', entityId: opts.key, before: toIndicator(row) },
    ]);
  });
}
