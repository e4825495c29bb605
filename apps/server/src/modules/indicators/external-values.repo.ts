import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { ExternalFormula, ExternalValue } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { indicatorExternalValues, orgUnits } from '../../db/schema/index.js';
import { orgScopeCondition, orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { shownPeriod, type ExternalSums } from './external-values.js';
import type { Grain } from './period-buckets.js';

/** SQL of external figures: the roll-up a figure is computed from, writes, and the list of values. */

type SumRow = {
  b?: string;
  n: number;
  vsum: number | string | null;
  nsum: number | string | null;
  dsum: number | string | null;
  parts: number;
};
const toSums = (r: SumRow): ExternalSums => ({
  n: Number(r.n),
  valueSum: Number(r.vsum ?? 0),
  numeratorSum: Number(r.nsum ?? 0),
  denominatorSum: Number(r.dsum ?? 0),
  withParts: Number(r.parts),
});

/**
 * The values a figure of an org subtree takes over days `from`…`to`: per period, the topmost units
 * of the subtree that have a value (no unit between them and the subtree's root, root included,
 * has one for the same period), so a branch's own figure is never added to its stores'.
 */
function takenValues(key: string, orgUnitId: string, from: string, to: string): SQL {
  return sql`
    FROM indicator_external_values v JOIN org_units u ON u.id = v.org_unit_id
    WHERE v.indicator_key = ${key} AND u.path @> ARRAY[${orgUnitId}]::uuid[]
      AND v.period BETWEEN ${from}::date AND ${to}::date
      AND NOT EXISTS (
        SELECT 1 FROM indicator_external_values a
        WHERE a.indicator_key = v.indicator_key AND a.period = v.period AND a.org_unit_id <> v.org_unit_id
          AND a.org_unit_id = ANY (u.path[array_position(u.path, ${orgUnitId}::uuid):]))`;
}

const sums = sql`count(*)::int AS n, sum(v.value) AS vsum, sum(v.numerator) AS nsum, sum(v.denominator) AS dsum, count(v.denominator)::int AS parts`;

export async function externalSums(
  db: Db,
  key: string,
  orgUnitId: string,
  from: string,
  to: string,
): Promise<ExternalSums> {
  const [row] = rowsOf<SumRow>(
    await db.execute(sql`SELECT ${sums} ${takenValues(key, orgUnitId, from, to)}`),
  );
  return row ? toSums(row) : { n: 0, valueSum: 0, numeratorSum: 0, denominatorSum: 0, withParts: 0 };
}

/** The same per day, ISO week or month (keyed by the bucket's first day). */
export async function externalSumsByBucket(
  db: Db,
  key: string,
  orgUnitId: string,
  from: string,
  to: string,
  grain: Grain,
): Promise<Map<string, ExternalSums>> {
  const rows = rowsOf<SumRow>(
    await db.execute(
      sql`SELECT to_char(date_trunc(${grain}, v.period), 'YYYY-MM-DD') AS b, ${sums} ${takenValues(key, orgUnitId, from, to)} GROUP BY 1`,
    ),
  );
  return new Map(rows.map((r) => [r.b!, toSums(r)]));
}

export type StoredFigure = { value: number; numerator: number | null; denominator: number | null };

/** The figures already stored for these unit × day pairs of an indicator, locked for the write that follows. */
export async function lockStoredFigures(
  db: Db,
  key: string,
  pairs: readonly { orgUnitId: string; day: string }[],
): Promise<Map<string, StoredFigure>> {
  const out = new Map<string, StoredFigure>();
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000);
    const rows = rowsOf<{
      org_unit_id: string;
      day: string;
      value: number;
      numerator: number | null;
      denominator: number | null;
    }>(
      await db.execute(sql`
        SELECT v.org_unit_id, to_char(v.period, 'YYYY-MM-DD') AS day, v.value, v.numerator, v.denominator
        FROM indicator_external_values v
        JOIN (VALUES ${sql.join(
          chunk.map((p) => sql`(${p.orgUnitId}::uuid, ${p.day}::date)`),
          sql`, `,
        )}) AS p(org_unit_id, period)
          ON p.org_unit_id = v.org_unit_id AND p.period = v.period
        WHERE v.indicator_key = ${key}
        FOR UPDATE OF v`),
    );
    for (const r of rows)
      out.set(`${r.org_unit_id}|${r.day}`, {
        value: Number(r.value),
        numerator: r.numerator === null ? null : Number(r.numerator),
        denominator: r.denominator === null ? null : Number(r.denominator),
      });
  }
  return out;
}

/** Inserts or replaces figures (one per indicator, unit and period: a re-push replaces). */
export async function upsertFigures(
  db: Db,
  key: string,
  rows: readonly ({ orgUnitId: string; day: string } & StoredFigure)[],
  meta: { source: 'import' | 'api'; userId: string | null },
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db
      .insert(indicatorExternalValues)
      .values(
        chunk.map((r) => ({
          indicatorKey: key,
          orgUnitId: r.orgUnitId,
          period: r.day,
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          source: meta.source,
          updatedBy: meta.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [
          indicatorExternalValues.indicatorKey,
          indicatorExternalValues.orgUnitId,
          indicatorExternalValues.period,
        ],
        set: {
          value: sql`excluded.value`,
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          source: sql`excluded.source`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
      });
  }
}

const monthEnd = (ym: string) =>
  new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** Stored values of an indicator in the caller's scope, newest period first. */
export async function listExternalValues(
  db: Db,
  p: Principal,
  f: ExternalFormula,
  key: string,
  q: {
    orgUnit?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ExternalValue[]; total: number }> {
  const v = indicatorExternalValues;
  const conds: (SQL | undefined)[] = [eq(v.indicatorKey, key), orgScopeCondition(p, v.orgUnitId)];
  if (q.orgUnit) conds.push(orgSubtreeCondition(q.orgUnit, v.orgUnitId));
  // a month bound covers its days; a day bound on a monthly figure takes the month it falls in
  if (q.from)
    conds.push(
      gte(v.period, q.from.length === 7 || f.grain === 'month' ? `${q.from.slice(0, 7)}-01` : q.from),
    );
  if (q.to) conds.push(lte(v.period, q.to.length === 7 ? monthEnd(q.to) : q.to));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select({ r: v, code: orgUnits.code, name: orgUnits.name, nameEn: orgUnits.nameEn })
      .from(v)
      .innerJoin(orgUnits, eq(orgUnits.id, v.orgUnitId))
      .where(where)
      .orderBy(desc(v.period), asc(orgUnits.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(v)
      .where(where),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map(({ r, code, name, nameEn }) => ({
      indicatorKey: r.indicatorKey,
      orgUnitId: r.orgUnitId,
      orgUnitCode: code,
      orgUnitName: name,
      orgUnitNameEn: nameEn,
      period: shownPeriod(f, r.period),
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      source: r.source,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** Org units by code (case-insensitive) or id, in one query. */
export async function findOrgUnitsByCodeOrId(db: Db, codes: readonly string[], ids: readonly string[]) {
  if (!codes.length && !ids.length) return [];
  const conds: SQL[] = [];
  if (codes.length)
    conds.push(
      sql`lower(${orgUnits.code}) IN (${sql.join(
        codes.map((c) => sql`${c.toLowerCase()}`),
        sql`, `,
      )})`,
    );
  if (ids.length)
    conds.push(
      sql`${orgUnits.id} IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path })
    .from(orgUnits)
    .where(sql.join(conds, sql` OR `));
}
