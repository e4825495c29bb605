import type { AuditVerifyResult } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { ChainVerifier } from './audit-chain.js';
import { chainBatch, chainHeads } from './audit.repo.js';

const BATCH = 2000;

/**
 * Walks every chain from its first entry and reports the first broken link found. Reads in
 * batches so memory stays flat however long the trail grows.
 */
export async function verifyAudit(
  db: Db,
  onProgress?: (chain: number, checked: number) => void,
): Promise<AuditVerifyResult> {
  const heads = await chainHeads(db);
  let entriesChecked = 0;
  for (const head of heads) {
    const verifier = new ChainVerifier(head.chain);
    let after = 0;
    for (;;) {
      const batch = await chainBatch(db, head.chain, after, BATCH);
      for (const row of batch) {
        const broken = verifier.feed({ ...row, seq: Number(row.seq) });
        if (broken) {
          return { ok: false, chains: heads.length, entriesChecked: entriesChecked + verifier.checked, firstBroken: broken };
        }
      }
      if (batch.length < BATCH) break;
      after = Number(batch[batch.length - 1]!.seq);
    }
    const broken = verifier.finish({ seq: Number(head.seq), hash: head.hash });
    entriesChecked += verifier.checked;
    onProgress?.(head.chain, entriesChecked);
    if (broken) return { ok: false, chains: heads.length, entriesChecked, firstBroken: broken };
  }
  return { ok: true, chains: heads.length, entriesChecked, firstBroken: null };
}
