import type { ScanPointKind, SurveyScanPoint } from '@qloop/contracts';

/** Colours that keep the kinds apart in the list. */
export const KIND_COLOR: Record<ScanPointKind, string> = { store: 'blue', counter: 'cyan', staff: 'purple' };

/** The point's label in the language shown (the Chinese one when there is no English label). */
export const pointLabel = (p: Pick<SurveyScanPoint, 'labelZh' | 'labelEn'>, en: boolean) =>
  en ? (p.labelEn ?? p.labelZh) : p.labelZh;

/** The point's org unit in the language shown. */
export const unitName = (p: Pick<SurveyScanPoint, 'orgUnitName' | 'orgUnitNameEn'>, en: boolean) =>
  en ? (p.orgUnitNameEn ?? p.orgUnitName) : p.orgUnitName;
