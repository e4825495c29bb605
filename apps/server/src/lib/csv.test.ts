import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, toCsvLine } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny"\r\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });
  it('drops a BOM and blank lines', () => {
    expect(parseCsv('\ufeffh1,h2\n\n1,2\n')).toEqual([['h1', 'h2'], ['1', '2']]);
  });
  it('round-trips through toCsvLine', () => {
    const values = ['plain', 'with,comma', 'with "quote"', '多行\n文本'];
    expect(parseCsv(toCsvLine(values))).toEqual([values]);
  });
  it('decodes GB18030 files written by Excel on Chinese Windows', () => {
    // "组织编码" in GB18030
    const gbk = Buffer.from([0xd7, 0xe9, 0xd6, 0xaf, 0xb1, 0xe0, 0xc2, 0xeb]);
    expect(decodeText(gbk)).toBe('组织编码');
    expect(decodeText(Buffer.from('组织编码', 'utf8'))).toBe('组织编码');
  });
});
