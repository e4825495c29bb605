import { describe, expect, it } from 'vitest';
import { SCAN_CODE_PATTERN } from '@qloop/contracts';
import { newScanCode, normaliseScanCode, publicScanUrl } from './scan-code.js';

describe('scan codes', () => {
  it('take the top 50 bits of 7 bytes, 5 bits per base32 character', () => {
    expect(newScanCode(Buffer.alloc(7, 0))).toBe('AAAAAAAAAA');
    expect(newScanCode(Buffer.alloc(7, 0xff))).toBe('7777777777');
    // 0b00001 00010 00011 … : 0x08 0x86 0x42 … spells B C D …
    expect(newScanCode(Buffer.from([0x08, 0x86, 0x42, 0x98, 0xe8, 0x4a, 0x80]))).toBe('BCDEFGHIJK');
    // the 6 low bits of the last byte are not used
    expect(newScanCode(Buffer.from([0, 0, 0, 0, 0, 0, 0x3f]))).toBe('AAAAAAAAAA');
    expect(newScanCode(Buffer.from([0, 0, 0, 0, 0, 0, 0x40]))).toBe('AAAAAAAAAB');
  });

  it('random codes fit the pattern and do not repeat', () => {
    const codes = Array.from({ length: 2000 }, () => newScanCode());
    expect(codes.every((c) => SCAN_CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('a typed code is normalised; anything else is not a code', () => {
    expect(normaliseScanCode('abcd-efgh 23')).toBe('ABCDEFGH23');
    expect(normaliseScanCode('ABCDEFGH21')).toBeNull(); // 1 is not base32
    expect(normaliseScanCode('ABCDEFGH2')).toBeNull();
    expect(normaliseScanCode('ABCDEFGH234')).toBeNull();
    expect(normaliseScanCode("' OR 1=1 --")).toBeNull();
  });

  it('the printed address joins the origin and /q/<code> once', () => {
    expect(publicScanUrl('https://q.example.com', 'ABCDEFGH23')).toBe('https://q.example.com/q/ABCDEFGH23');
    expect(publicScanUrl('https://q.example.com/', 'ABCDEFGH23')).toBe('https://q.example.com/q/ABCDEFGH23');
  });
});
