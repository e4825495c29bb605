import { describe, expect, it } from 'vitest';
import { findUnstorableText, hasUnstorableText } from './unstorable-text.js';

describe('unstorable text', () => {
  it('flags NUL and lone surrogates, accepts Chinese and emoji', () => {
    expect(hasUnstorableText('a\u0000b')).toBe(true);
    expect(hasUnstorableText('x\ud800y')).toBe(true);
    expect(hasUnstorableText('x\udc00')).toBe(true);
    expect(hasUnstorableText('宽带断网 😀')).toBe(false);
  });
  it('names the first offending path', () => {
    expect(findUnstorableText({ a: 'ok', b: [{ c: 'ok' }, { d: 'no\u0000' }] })).toBe('b[1].d');
    expect(findUnstorableText({ a: 1, b: null })).toBeNull();
  });
});
