import { describe, expect, it } from 'vitest';
import { scanPointOf, scanPointText } from './scan-point-label';

const point = {
  kind: 'counter' as const,
  labelZh: '3号窗口',
  labelEn: 'Counter 3',
  orgUnitName: '东州中山路营业厅',
  orgUnitNameEn: 'Dongzhou Zhongshan Rd Store',
  surveyNameZh: '营业厅扫码评价',
  surveyNameEn: 'Store rating',
};

describe('what a scan rates', () => {
  it('unit · label in the language shown, falling back to Chinese', () => {
    expect(scanPointText(point, false)).toBe('东州中山路营业厅 · 3号窗口');
    expect(scanPointText(point, true)).toBe('Dongzhou Zhongshan Rd Store · Counter 3');
    expect(scanPointText({ ...point, labelEn: null, orgUnitNameEn: null }, true)).toBe(
      '东州中山路营业厅 · 3号窗口',
    );
  });
  it('a store point labelled with the store’s own name says it once, in either language', () => {
    const store = { ...point, kind: 'store' as const, labelZh: '东州中山路营业厅', labelEn: null };
    expect(scanPointText(store, false)).toBe('东州中山路营业厅');
    expect(scanPointText(store, true)).toBe('Dongzhou Zhongshan Rd Store');
  });
  it('router state from elsewhere is ignored', () => {
    expect(scanPointOf({ scanPoint: point })).toBe(point);
    for (const s of [null, undefined, 'x', {}, { scanPoint: { labelZh: 3 } }])
      expect(scanPointOf(s)).toBeNull();
  });
});
