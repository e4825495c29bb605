import { describe, expect, it } from 'vitest';
import {
  bandOf,
  bucketLabel,
  cloudColour,
  cloudTags,
  CLOUD_COLOURS,
  CLOUD_SIZES,
  csatColour,
  defaultGranularity,
  granularitiesFor,
  highlightParts,
} from './insights-format';

describe('trend granularity', () => {
  it('days for a month, weeks up to half a year, months beyond', () => {
    expect(defaultGranularity('2026-03-01', '2026-03-31')).toBe('day');
    expect(defaultGranularity('2026-01-01', '2026-03-31')).toBe('week');
    expect(defaultGranularity('2026-01-01', '2026-12-31')).toBe('month');
    // one day: only days make sense; a year: no day view beyond 400 points
    expect(granularitiesFor('2026-03-05', '2026-03-05')).toEqual(['day']);
    expect(granularitiesFor('2026-03-01', '2026-03-31')).toEqual(['day', 'week']);
    expect(granularitiesFor('2025-01-01', '2026-12-31')).toEqual(['week', 'month']);
  });

  it('labels buckets by their first day in the reader’s language', () => {
    expect(bucketLabel('2026-03-09', 'week', 'zh-CN')).toBe('3/9');
    expect(bucketLabel('2026-03-09', 'day', 'en-US')).toBe('Mar 9');
    expect(bucketLabel('2026-03-01', 'month', 'zh-CN')).toBe('2026年3月');
    expect(bucketLabel('2026-12-01', 'month', 'en-US')).toBe('Dec 2026');
  });
});

describe('the keyword cloud', () => {
  const k = (keyword: string, count: number, detractorShare: number | null) => ({
    keyword,
    count,
    detractors: 0,
    npsAnswered: 0,
    detractorShare,
  });

  it('sizes by count (the most mentioned largest), colours by the detractors’ share, in alphabetical order', () => {
    const tags = cloudTags(
      [k('宽带', 16, 75), k('营业厅', 4, 30), k('客服', 1, 0), k('网速', 9, null)],
      'zh-CN',
    );
    const by = Object.fromEntries(tags.map((t) => [t.keyword, t]));
    expect(by['宽带']!.size).toBe(CLOUD_SIZES.max);
    expect(by['客服']!.size).toBe(CLOUD_SIZES.min);
    // √9 = 3 lies two thirds of the way from √1 to √16
    expect(by['网速']!.size).toBe(
      Math.round(CLOUD_SIZES.min + (2 / 3) * (CLOUD_SIZES.max - CLOUD_SIZES.min)),
    );
    expect([by['宽带']!.colour, by['营业厅']!.colour, by['客服']!.colour, by['网速']!.colour]).toEqual([
      CLOUD_COLOURS.bad,
      CLOUD_COLOURS.mixed,
      CLOUD_COLOURS.good,
      CLOUD_COLOURS.unknown,
    ]);
    expect(tags.map((t) => t.keyword)).toEqual(['客服', '宽带', '网速', '营业厅']);
    // one keyword, or all equal: a middle size
    expect(cloudTags([k('宽带', 3, 0)], 'zh-CN')[0]!.size).toBe((CLOUD_SIZES.min + CLOUD_SIZES.max) / 2);
    expect(cloudTags([], 'zh-CN')).toEqual([]);
    expect(cloudColour(50)).toBe(CLOUD_COLOURS.bad);
    expect(cloudColour(24.9)).toBe(CLOUD_COLOURS.good);
  });
});

describe('comments', () => {
  it('marks every occurrence of the keyword, Latin letters case-blind', () => {
    expect(highlightParts('宽带断网，宽带又断了', '宽带')).toEqual([
      { text: '宽带', hit: true },
      { text: '断网，', hit: false },
      { text: '宽带', hit: true },
      { text: '又断了', hit: false },
    ]);
    expect(highlightParts('5g信号差', '5G')).toEqual([
      { text: '5g', hit: true },
      { text: '信号差', hit: false },
    ]);
    expect(highlightParts('没有关键词', undefined)).toEqual([{ text: '没有关键词', hit: false }]);
    expect(highlightParts('没有关键词', '宽带')).toEqual([{ text: '没有关键词', hit: false }]);
  });

  it('bands and colours of the scores', () => {
    expect([0, 6, 7, 8, 9, 10].map(bandOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(bandOf(null)).toBeNull();
    expect([1, 2, 3, 4, 5, null].map(csatColour)).toEqual([
      'red',
      'red',
      'default',
      'green',
      'green',
      'default',
    ]);
  });
});
