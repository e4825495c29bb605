import ExcelJS from 'exceljs';
import type { Indicator, IndicatorBreakdown } from '@qloop/contracts';

const HEAD = {
  zh: { unit: '组织', category: '分类', channel: '渠道', type: '类型', value: '数值', numerator: '分子', denominator: '分母', level: '预警级别', rank: '排名', total: '合计', owner: '归口', period: '期间' },
  en: { unit: 'Org unit', category: 'Category', channel: 'Channel', type: 'Type', value: 'Value', numerator: 'Numerator', denominator: 'Denominator', level: 'Level', rank: 'Rank', total: 'Total', owner: 'Owner', period: 'Period' },
} as const;
const LEVEL = { zh: { green: '绿', yellow: '黄', orange: '橙', red: '红' }, en: { green: 'green', yellow: 'yellow', orange: 'orange', red: 'red' } } as const;

/** A breakdown as a one-sheet workbook: a title line (indicator, period, owner), the table, the total. */
export async function breakdownWorkbook(ind: Indicator, b: IndicatorBreakdown, lang: 'zh' | 'en'): Promise<Buffer> {
  const h = HEAD[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'zh' ? '下钻' : 'Breakdown');
  const name = lang === 'zh' ? ind.nameZh : ind.nameEn;
  const unit = lang === 'zh' ? ind.unit : ind.unitEn;
  ws.addRow([`${name} (${unit})`, `${h.period}: ${b.from} – ${b.to}`, `${h.owner}: ${lang === 'zh' ? b.owner.name : (b.owner.nameEn ?? b.owner.name)}`]);
  ws.addRow([]);
  const dims = [b.by, ...(b.then ? [b.then] : [])];
  const header = ws.addRow([...dims.map((d) => h[d]), h.value, h.numerator, h.denominator, h.level, ...(b.then ? [] : [h.rank])]);
  header.font = { bold: true };
  const label = (k: string) => b.labels[k]?.[lang] ?? k;
  for (const r of b.rows) {
    ws.addRow([label(r.by), ...(b.then ? [label(r.then ?? '')] : []), r.value, r.numerator, r.denominator, r.level ? LEVEL[lang][r.level] : null, ...(b.then ? [] : [r.rank ?? null])]);
  }
  ws.addRow([h.total, ...(b.then ? [''] : []), b.total.value, b.total.numerator, b.total.denominator]).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i < dims.length ? 24 : 12; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
