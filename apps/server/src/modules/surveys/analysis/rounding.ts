/**
 * `x` rounded to `decimals` places, halves away from zero. Two details matter for survey figures:
 * the product x × 10^d is first read at 15 significant digits, so binary noise does not turn a
 * decimal half down (1.005 → 1.01, 69.155 → 69.16); and halves go away from zero on both sides, so
 * an NPS of −12.345 rounds to −12.35 like +12.345 to +12.35 (Math.round alone sends halves toward
 * +∞). Never returns −0.
 */
export function roundTo(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const r = (Math.sign(x) * Math.round(scaled)) / factor;
  return r === 0 ? 0 : r;
}
