import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Indicator, IndicatorThresholds, IndicatorUnitSetting } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { categories, indicators, indicatorSettings, orgUnits } from '../../db/schema/index.js';

/** SQL of the indicator library's own tables: custom indicators and per-unit settings. */

export type IndicatorRow = typeof indicators.$inferSelect;
export type SettingRow = typeof indicatorSettings.$inferSelect;

const thresholdsOf = (r: {
  yellow: number | null;
  orange: number | null;
  red: number | null;
}): IndicatorThresholds => ({ yellow: r.yellow, orange: r.orange, red: r.red });

export function toIndicator(r: IndicatorRow): Indicator {
  return {
    key: r.key,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    description: r.description,
    formula: r.formula,
    unit: r.unit,
    unitEn: r.unitEn,
    direction: r.direction,
    target: r.target,
    thresholds: thresholdsOf(r),
    builtIn: false,
    active: r.active,
    version: r.version,
  };
}

export async function listCustomIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.createdAt), asc(indicators.key));
}

export async function findCustomIndicator(
  db: Db,
  key: string,
  forUpdate = false,
): Promise<IndicatorRow | null> {
  const q = db.select().from(indicators).where(eq(indicators.key, key));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Inserts a custom indicator; null when the key is taken (a concurrent create). */
export async function insertIndicator(
  db: Db,
  row: typeof indicators.$inferInsert,
): Promise<IndicatorRow | null> {
  const [r] = await db
    .insert(indicators)
    .values(row)
    .onConflictDoNothing({ target: indicators.key })
    .returning();
  return r ?? null;
}

export async function updateIndicatorRow(
  db: Db,
  key: string,
  patch: Partial<typeof indicators.$inferInsert>,
): Promise<IndicatorRow> {
  const [r] = await db
    .update(indicators)
    .set({ ...patch, version: sql`${indicators.version} + 1`, updatedAt: new Date() })
    .where(eq(indicators.key, key))
    .returning();
  return r!;
}

export async function deleteIndicatorRow(db: Db, key: string): Promise<void> {
  await db.delete(indicatorSettings).where(eq(indicatorSettings.indicatorKey, key));
  await db.delete(indicators).where(eq(indicators.key, key));
}

/** The ids among `ids` that name no category. */
export async function missingCategories(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = new Set(
    (
      await db
        .select({ id: categories.id })
        .from(categories)
        .where(inArray(categories.id, [...ids]))
    ).map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

/**
 * What still names an indicator: warning rules (their params carry `indicatorKey`), warnings raised
 * on it, and external values supplied for it.
 */
export async function indicatorReferences(
  db: Db,
  key: string,
): Promise<{ rules: number; warnings: number; values: number }> {
  const [row] = rowsOf<{ rules: number; warnings: number; supplied: number }>(
    await db.execute(sql`
      SELECT (SELECT count(*)::int FROM warning_rules WHERE params->>'indicatorKey' = ${key}) AS rules,
             (SELECT count(*)::int FROM warnings WHERE evidence->>'indicatorKey' = ${key}) AS warnings,
             (SELECT count(*)::int FROM indicator_external_values WHERE indicator_key = ${key}) AS supplied`),
  );
  return { rules: row?.rules ?? 0, warnings: row?.warnings ?? 0, values: row?.supplied ?? 0 };
}

/* ---------- settings per org unit ---------- */

/** Every unit's own setting of an indicator, in one query (the resolver walks paths in memory). */
export async function listSettingsOf(db: Db, key: string): Promise<SettingRow[]> {
  return db.select().from(indicatorSettings).where(eq(indicatorSettings.indicatorKey, key));
}

/** The same with the units' codes and names, for display. */
export async function listSettingsWithUnits(db: Db, key: string) {
  return db
    .select({
      s: indicatorSettings,
      code: orgUnits.code,
      name: orgUnits.name,
      nameEn: orgUnits.nameEn,
      path: orgUnits.path,
    })
    .from(indicatorSettings)
    .innerJoin(orgUnits, eq(orgUnits.id, indicatorSettings.orgUnitId))
    .where(eq(indicatorSettings.indicatorKey, key))
    .orderBy(sql`array_length(${orgUnits.path}, 1)`, asc(orgUnits.code));
}

export function toUnitSetting(
  r: Awaited<ReturnType<typeof listSettingsWithUnits>>[number],
): IndicatorUnitSetting {
  return {
    orgUnitId: r.s.orgUnitId,
    orgUnitCode: r.code,
    orgUnitName: r.name,
    orgUnitNameEn: r.nameEn,
    target: r.s.target,
    thresholds: thresholdsOf(r.s),
    version: r.s.version,
    updatedAt: r.s.updatedAt.toISOString(),
  };
}

export const settingOfRow = (r: Pick<SettingRow, 'target' | 'yellow' | 'orange' | 'red'>) => ({
  target: r.target,
  thresholds: thresholdsOf(r),
});

export async function findSetting(
  db: Db,
  key: string,
  orgUnitId: string,
  forUpdate = false,
): Promise<SettingRow | null> {
  const q = db
    .select()
    .from(indicatorSettings)
    .where(and(eq(indicatorSettings.indicatorKey, key), eq(indicatorSettings.orgUnitId, orgUnitId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

type SettingValues = { target: number | null; thresholds: IndicatorThresholds; updatedBy: string | null };

/** Inserts a unit's setting; null when it has one already (a concurrent first save). */
export async function insertSetting(
  db: Db,
  key: string,
  orgUnitId: string,
  v: SettingValues,
): Promise<SettingRow | null> {
  const [r] = await db
    .insert(indicatorSettings)
    .values({ indicatorKey: key, orgUnitId, target: v.target, ...v.thresholds, updatedBy: v.updatedBy })
    .onConflictDoNothing()
    .returning();
  return r ?? null;
}

export async function updateSetting(
  db: Db,
  key: string,
  orgUnitId: string,
  v: SettingValues,
): Promise<SettingRow> {
  const [r] = await db
    .update(indicatorSettings)
    .set({
      target: v.target,
      ...v.thresholds,
      updatedBy: v.updatedBy,
      version: sql`${indicatorSettings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(indicatorSettings.indicatorKey, key), eq(indicatorSettings.orgUnitId, orgUnitId)))
    .returning();
  return r!;
}

export async function deleteSetting(db: Db, key: string, orgUnitId: string): Promise<void> {
  await db
    .delete(indicatorSettings)
    .where(and(eq(indicatorSettings.indicatorKey, key), eq(indicatorSettings.orgUnitId, orgUnitId)));
}
