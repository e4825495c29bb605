import { describe, expect, it } from 'vitest';
import { checkScoreCounts, tallyScores } from './score-counts.js';

const fivePoint = { min: 1, max: 5 };

describe('score counts', () => {
  it('tallies ratings into one ascending count per score', () => {
    expect(tallyScores([5, 3, 5, 1, 5], fivePoint, 'CSAT')).toEqual([
      { score: 1, count: 1 },
      { score: 3, count: 1 },
      { score: 5, count: 3 },
    ]);
    expect(tallyScores([], fivePoint, 'CSAT')).toEqual([]);
  });
  it('refuses scores off the scale or not whole, naming the value', () => {
    expect(() => tallyScores([0], fivePoint, 'CSAT')).toThrow(
      'CSAT: score 0 is not a whole number from 1 to 5',
    );
    expect(() => tallyScores([6], fivePoint, 'CSAT')).toThrow(/score 6/);
    expect(() => tallyScores([4.5], fivePoint, 'CSAT')).toThrow(/score 4.5/);
    expect(() => tallyScores([Number.NaN], fivePoint, 'CSAT')).toThrow(/score NaN/);
  });
  it('refuses negative or fractional counts', () => {
    expect(() => checkScoreCounts([{ score: 4, count: -1 }], fivePoint, 'CSAT')).toThrow(/count for score 4/);
    expect(() => checkScoreCounts([{ score: 4, count: 1.5 }], fivePoint, 'CSAT')).toThrow(
      /count for score 4/,
    );
    expect(() => checkScoreCounts([{ score: 4, count: 0 }], fivePoint, 'CSAT')).not.toThrow();
  });
});
