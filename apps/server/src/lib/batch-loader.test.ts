import { describe, expect, it } from 'vitest';
import { createBatchLoader } from './batch-loader.js';

describe('batch loader', () => {
  it('answers look-ups made together with one load, each with its own value', async () => {
    const calls: string[][] = [];
    const load = createBatchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const results = await Promise.all([load('a'), load('b'), load('a'), load('missing')]);
    expect(results).toEqual(['A', 'B', 'A', undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
    expect(await load('c')).toBe('C');
    expect(calls).toHaveLength(2);
  });

  it('splits large batches and passes a failure to every waiting caller of that batch', async () => {
    const sizes: number[] = [];
    const load = createBatchLoader(async (keys: number[]) => {
      sizes.push(keys.length);
      if (keys.includes(3)) throw new Error('database down');
      return new Map(keys.map((k) => [k, k * 2]));
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((k) => load(k)));
    expect(sizes).toEqual([2, 2]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });
});
