/** Figures of a warning's evidence as people read them. Pure. */

/** A share as a percentage of a total; null when the total is zero. */
export function sharePct(part: number, total: number): number | null {
  return total > 0 ? (part / total) * 100 : null;
}

/** "12.5%" with up to `digits` decimals ("—" for none). */
export function formatPct(pct: number | null, locale: string, digits = 1): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(pct)}%`;
}

/** A p-value: "< 0.001" when tiny, else three decimals ("0.012"). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

/** A multiple ("×4.2"), one decimal. */
export function formatLift(lift: number, locale: string): string {
  return `×${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(lift)}`;
}

/** The evidence's day ("2026-11-23") as it is, an instant as "2026-11-23 14:05" in the reader's zone. */
export function isDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s);
}
