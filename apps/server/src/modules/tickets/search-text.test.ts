import { describe, expect, it } from 'vitest';
import { searchQueryOf, searchTextOf, segment } from './search-text.js';

describe('Chinese segmentation for search', () => {
  it('splits a complaint title into words, including 宽带', () => {
    expect(segment('家里宽带断网')).toEqual(expect.arrayContaining(['宽带', '断网']));
  });
  it('drops punctuation and lower-cases Latin words', () => {
    expect(searchTextOf('APP 无法登录！', null)).toBe('app 无法 登录');
  });
  it('deduplicates query words', () => {
    expect(searchQueryOf('宽带 宽带')).toBe('宽带');
  });
});
