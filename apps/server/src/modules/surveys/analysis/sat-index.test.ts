import { describe, expect, it } from 'vitest';
import { satisfactionIndex, scaleTo100 } from './sat-index.js';

const five = { min: 1, max: 5 };
const ten = { min: 0, max: 10 };

describe('scaling a score to 0–100', () => {
  it('(s − min) ÷ (max − min) × 100', () => {
    expect(scaleTo100(4, five)).toBe(75); // (4 − 1) / 4 × 100
    expect(scaleTo100(1, five)).toBe(0);
    expect(scaleTo100(5, five)).toBe(100);
    expect(scaleTo100(8, ten)).toBe(80); // 8 / 10 × 100
    expect(scaleTo100(5.5, { min: 1, max: 7 })).toBe(75); // 4.5 / 6 × 100
  });
  it('refuses a score off its scale and a scale upside down', () => {
    expect(() => scaleTo100(6, five)).toThrow('score 6 lies outside its scale 1–5');
    expect(() => scaleTo100(3, { min: 5, max: 5 })).toThrow(/lowest score below its highest/);
  });
});

describe('满意度指数 (satisfaction index)', () => {
  const elements = [
    { key: 'coverage', mean: 4, scale: five }, // 75
    { key: 'voice', mean: 8, scale: ten }, // 80
    { key: 'billing', mean: 3, scale: five }, // 50
  ];

  it('weighted mean of scaled scores: weights 2/1/1 → (2·75 + 80 + 50) / 4 = 70', () => {
    expect(satisfactionIndex(elements, { coverage: 2, voice: 1, billing: 1 })).toEqual({
      value: 70,
      elements: [
        { key: 'coverage', scaled: 75, weight: 0.5, contribution: 37.5 },
        { key: 'voice', scaled: 80, weight: 0.25, contribution: 20 },
        { key: 'billing', scaled: 50, weight: 0.25, contribution: 12.5 },
      ],
      scoredWeightShare: 1,
    });
  });

  it('weights need not sum to 1: 0.5/0.25/0.25 and 20/10/10 give the same 70', () => {
    expect(satisfactionIndex(elements, { coverage: 0.5, voice: 0.25, billing: 0.25 }).value).toBe(70);
    expect(satisfactionIndex(elements, { coverage: 20, voice: 10, billing: 10 }).value).toBe(70);
  });

  it('equal weights are the plain mean: (75 + 80 + 50) / 3 = 68.333… → 68.33', () => {
    const r = satisfactionIndex(elements, { coverage: 1, voice: 1, billing: 1 });
    expect(r.value).toBe(68.33);
    expect(r.elements.map((e) => e.weight)).toEqual([0.3333, 0.3333, 0.3333]);
  });

  it('renormalises over the elements that have a score', () => {
    // billing unanswered: weights 2 and 1 become 2/3 and 1/3 → 75·2/3 + 80/3 = 50 + 26.666… = 76.67
    const r = satisfactionIndex([elements[0]!, elements[1]!, { ...elements[2]!, mean: null }], {
      coverage: 2,
      voice: 1,
      billing: 1,
    });
    expect(r.value).toBe(76.67);
    expect(r.elements).toEqual([
      { key: 'coverage', scaled: 75, weight: 0.6667, contribution: 50 },
      { key: 'voice', scaled: 80, weight: 0.3333, contribution: 26.6667 },
      { key: 'billing', scaled: null, weight: null, contribution: null },
    ]);
    expect(r.scoredWeightShare).toBe(0.75); // (2 + 1) / 4 of the weight stood behind the value
  });

  it('no element with a score is no data (null)', () => {
    const none = elements.map((e) => ({ ...e, mean: null }));
    expect(satisfactionIndex(none, { coverage: 2, voice: 1, billing: 1 })).toEqual({
      value: null,
      elements: none.map(({ key }) => ({ key, scaled: null, weight: null, contribution: null })),
      scoredWeightShare: 0,
    });
    expect(satisfactionIndex([], {})).toEqual({ value: null, elements: [], scoredWeightShare: null });
  });

  it('refuses weights ≤ 0 or not finite, naming the element', () => {
    expect(() => satisfactionIndex(elements, { coverage: 0, voice: 1, billing: 1 })).toThrow(
      "the weight of element 'coverage' must be a number above 0, not 0",
    );
    expect(() => satisfactionIndex(elements, { coverage: 1, voice: -2, billing: 1 })).toThrow(/'voice'.*-2/);
    expect(() => satisfactionIndex(elements, { coverage: 1, voice: 1, billing: Number.NaN })).toThrow(
      /'billing'/,
    );
    expect(() => satisfactionIndex(elements, { coverage: 1, voice: 1, billing: Infinity })).toThrow(
      /'billing'/,
    );
  });

  it('refuses an element without a weight or listed twice; ignores weights of elements not asked', () => {
    expect(() => satisfactionIndex(elements, { coverage: 1, voice: 1 })).toThrow(
      "element 'billing' has no weight",
    );
    expect(() => satisfactionIndex([elements[0]!, elements[0]!], { coverage: 1 })).toThrow(/listed twice/);
    // "constructor" is not a weight just because every object has one
    expect(() => satisfactionIndex([{ key: 'constructor', mean: 3, scale: five }], {})).toThrow(
      /has no weight/,
    );
    expect(satisfactionIndex([elements[0]!], { coverage: 1, hotline: 3 }).value).toBe(75);
  });

  it('refuses a mean outside its scale', () => {
    expect(() => satisfactionIndex([{ key: 'x', mean: 0, scale: five }], { x: 1 })).toThrow(
      /outside its scale 1–5/,
    );
  });
});
