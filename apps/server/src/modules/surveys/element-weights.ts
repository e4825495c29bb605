import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';

type Weight = { elementId: string; weight: number };

export async function listElementWeights(db: Db): Promise<Weight[]> {
  return rowsOf<{ element_id: string; weight: string | number }>(await db.execute(sql`SELECT element_id, weight FROM survey_element_weights ORDER BY element_id`)).map((w) => ({
    elementId: w.element_id, weight: Number(w.weight),
  }));
}

/** Replaces the weights of the satisfaction index's elements (categories of the tree); audited. */
export async function saveElementWeights(db: Db, o: { principal: Principal; audit: AuditContext; weights: Weight[] }): Promise<Weight[]> {
  return db.transaction(async (tx) => {
    if (o.weights.length) {
      const ids = o.weights.map((w) => sql`${w.elementId}::uuid`);
      const known = new Set(rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM categories WHERE id IN (${sql.join(ids, sql`, `)})`)).map((r) => r.id));
      o.weights.forEach((w, i) => {
        if (!known.has(w.elementId)) throw badRequest('a perception element does not exist', [{ path: `body.weights.${i}.elementId`, message: 'unknown category' }]);
      });
    }
    const before = await listElementWeights(tx);
    await tx.execute(sql`DELETE FROM survey_element_weights`);
    for (const w of o.weights) {
      await tx.execute(sql`INSERT INTO survey_element_weights (element_id, weight, updated_by) VALUES (${w.elementId}, ${w.weight}, ${o.principal.userId})`);
    }
    await appendAudit(tx, o.audit, [{ action: 'update', entityType: 'survey_element_weights', entityId: null, before, after: o.weights }]);
    return listElementWeights(tx);
  });
}
