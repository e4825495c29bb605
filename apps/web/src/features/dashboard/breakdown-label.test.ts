import { describe, expect, it } from 'vitest';
import { breakdownLabel } from './breakdown-label';

describe('breakdown labels', () => {
  const labels = { a: { zh: '东州分公司', en: 'Dongzhou Branch' }, b: { zh: '计费', en: '' } };
  it('in the reader’s language, Chinese when no English is given, else the key', () => {
    expect(breakdownLabel(labels, 'a', 'zh-CN')).toBe('东州分公司');
    expect(breakdownLabel(labels, 'a', 'en-US')).toBe('Dongzhou Branch');
    expect(breakdownLabel(labels, 'b', 'en-US')).toBe('计费');
    expect(breakdownLabel(labels, 'c', 'en-US')).toBe('c');
    expect(breakdownLabel(undefined, 'c', 'zh-CN')).toBe('c');
  });
});
