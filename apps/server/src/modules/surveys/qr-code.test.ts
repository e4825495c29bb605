import { describe, expect, it } from 'vitest';
import { qrContentDisposition, qrPng, qrSvg, qrSymbolSize } from './qr-code.js';

describe('QR images', () => {
  it('a scan address stays a small code (version 3 or 4 at error correction M, easy to scan from a card)', () => {
    expect(qrSymbolSize('http://localhost:3000/q/ABCDEFGH23')).toEqual({ version: 3, modules: 29 });
    expect(qrSymbolSize('https://qloop.jiangnan-telecom.example.com/q/ABCDEFGH23').version).toBe(4);
  });

  it('download names: readable in Chinese, an ASCII fallback, nothing a file system refuses, the unit not repeated', () => {
    const d = qrContentDisposition({ code: 'ABCDEFGH23', orgUnitName: '东州中山路营业厅', label: '3号窗口/VIP' }, 'png');
    expect(d).toMatch(/^attachment; filename="scan-to-rate-ABCDEFGH23\.png"; filename\*=UTF-8''/);
    expect(decodeURIComponent(d.split("''")[1]!)).toBe('扫码评价-东州中山路营业厅-3号窗口 VIP-ABCDEFGH23.png');
    const store = qrContentDisposition({ code: 'ABCDEFGH23', orgUnitName: '东州中山路营业厅', label: '东州中山路营业厅' }, 'svg');
    expect(decodeURIComponent(store.split("''")[1]!)).toBe('扫码评价-东州中山路营业厅-ABCDEFGH23.svg');
  });

  it('renders the symbol with its 4-module quiet zone: SVG in modules, PNG at the asked size', async () => {
    const url = 'http://localhost:3000/q/ABCDEFGH23';
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 37 37"/); // 29 modules + 2 × 4
    const png = await qrPng(url, 370);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the 8-byte signature and the chunk's length and type
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([370, 370]);
  });
});
