/**
 * mulberry32: a tiny 32-bit-state PRNG returning uniform numbers in [0, 1). Not cryptographic —
 * it need not be: it only has to make a survey sample reproducible from its seed, so a campaign can
 * be redrawn and audited later. Same seed, same sequence, on every machine (integer arithmetic
 * via Math.imul only). The seed is taken modulo 2³².
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A 32-bit seed for one named stream (e.g. one stratum) of a campaign seed: FNV-1a over the name's
 * UTF-16 code units, started from the seed, then the murmur3 finaliser to spread the bits. With one
 * stream per stratum, a stratum's draw depends only on the seed, its name and its own members — not
 * on the order of the strata nor on what the other strata hold.
 */
export function deriveSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * k distinct items drawn uniformly without replacement, in draw order: a partial Fisher–Yates
 * shuffle of a copy (the first k steps only — O(n) to copy, O(k) draws), so every k-subset is
 * equally likely given a uniform `random`. The input is not modified. k must be whole, 0 ≤ k ≤ n.
 */
export function sampleWithoutReplacement<T>(items: readonly T[], k: number, random: () => number): T[] {
  if (!Number.isInteger(k) || k < 0 || k > items.length) {
    throw new RangeError(`cannot draw ${k} of ${items.length} items without replacement`);
  }
  const a = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, k);
}
