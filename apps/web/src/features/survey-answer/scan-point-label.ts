import type { PublicScanPoint } from '@qloop/contracts';

/** What a scan rates, in words: the unit and the point's label (once, when the label is the unit's own name). */
export function scanPointText(p: PublicScanPoint, en: boolean): string {
  const unit = en ? (p.orgUnitNameEn ?? p.orgUnitName) : p.orgUnitName;
  const label = en ? (p.labelEn ?? p.labelZh) : p.labelZh;
  return label === unit || label === p.orgUnitName ? unit : `${unit} · ${label}`;
}

/** What the scan page hands the answer page (router state), so it can say what is rated. */
export interface ScanRouteState {
  scanPoint: PublicScanPoint;
}

/** The scan point the answer page was opened with, if it came from a scan. */
export function scanPointOf(state: unknown): PublicScanPoint | null {
  const s = state as Partial<ScanRouteState> | null;
  return s && typeof s === 'object' && s.scanPoint && typeof s.scanPoint.labelZh === 'string'
    ? s.scanPoint
    : null;
}
