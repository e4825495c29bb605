import { badRequest } from '../../../lib/errors.js';
import { allocateQuotas } from './quota-allocation.js';
import { deriveSeed, mulberry32, sampleWithoutReplacement } from './seeded-random.js';

/** A stratum (e.g. an org unit × customer segment) with the ids of its members and optional bounds on its quota. */
export type SamplingStratum = { key: string; memberIds: readonly string[]; min?: number; max?: number };

/**
 * A campaign's sampling request. minPerStratum / maxPerStratum apply to every stratum that does
 * not set its own min / max. seed: a whole number (taken modulo 2³²) kept with the campaign.
 */
export type StratifiedSampleRequest = {
  strata: readonly SamplingStratum[];
  sampleSize: number;
  seed: number;
  minPerStratum?: number;
  maxPerStratum?: number;
};

/** One stratum's outcome: population size, exact bounded share, whole quota and the ids drawn (in draw order). */
export type StratumSample = { key: string; population: number; share: number; quota: number; ids: string[] };
export type StratifiedSample = { strata: StratumSample[]; total: number };

/**
 * Stratified random sample with quotas for a satisfaction campaign (分层抽样). Quotas: proportional
 * to stratum size by the largest-remainder method, within each stratum's minimum and maximum and
 * never above its population, the excess redistributed proportionally (see allocateQuotas). Then
 * within each stratum a simple random sample without replacement of its quota (seeded mulberry32 +
 * partial Fisher–Yates), one random stream per stratum derived from the seed and the stratum key.
 *
 * Deterministic: the same strata, sample size and seed give the same sample. Member ids are sorted
 * before drawing, so the order the database returned them in does not matter; and a stratum's draw
 * does not depend on the other strata as long as its quota is unchanged.
 *
 * Impossible requests are refused (400) rather than capped: a sample larger than the population,
 * minimums adding up to more than the sample size, maximums allowing fewer, a minimum above its
 * maximum — a campaign that silently surveys fewer people than asked would mislead its owner, who
 * can lower the size after reading the message. A minimum above a stratum's population is not an
 * error: it is capped at the population. Keys must be distinct and an id may appear only once
 * across all strata (a member listed twice would have two chances of being drawn). Pure.
 */
export function drawStratifiedSample(req: StratifiedSampleRequest): StratifiedSample {
  if (!Number.isSafeInteger(req.seed)) throw badRequest(`the seed must be a whole number, not ${req.seed}`);
  const keys = new Set<string>();
  const owner = new Map<string, string>();
  for (const s of req.strata) {
    if (keys.has(s.key)) throw badRequest(`stratum '${s.key}' is listed twice`);
    keys.add(s.key);
    for (const id of s.memberIds) {
      const other = owner.get(id);
      if (other !== undefined) {
        throw badRequest(
          other === s.key
            ? `member ${id} is listed twice in stratum '${s.key}'`
            : `member ${id} is in both stratum '${other}' and '${s.key}'`,
        );
      }
      owner.set(id, s.key);
    }
  }
  const quotas = allocateQuotas(
    req.strata.map((s) => ({
      name: s.key,
      size: s.memberIds.length,
      min: s.min ?? req.minPerStratum,
      max: s.max ?? req.maxPerStratum,
    })),
    req.sampleSize,
  );
  const strata = req.strata.map((s, i) => {
    const { share, quota } = quotas[i]!;
    const members = [...s.memberIds].sort();
    const ids = sampleWithoutReplacement(members, quota, mulberry32(deriveSeed(req.seed, s.key)));
    return { key: s.key, population: members.length, share, quota, ids };
  });
  return { strata, total: strata.reduce((a, s) => a + s.quota, 0) };
}
