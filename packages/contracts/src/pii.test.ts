import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdNumber, maskName, maskPhone } from './pii.js';

describe('PII masking', () => {
  it('masks an 11-digit mobile as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('masks a landline keeping first 3 and last 4', () => {
    expect(maskPhone('057188881234')).toBe('057*****1234');
  });
  it('masks very short values entirely', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskIdNumber('123')).toBe('***');
  });
  it('masks an 18-character ID number keeping 3 + 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
  it('masks a 15-character ID number', () => {
    expect(maskIdNumber('110105491231002')).toBe('110********1002');
  });
  it('keeps the family name only', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李');
  });
  it('masks the local part of an email', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
  });
  it('passes null through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
  });
});
