import { sql } from 'drizzle-orm';
import type { AuditVerifyResult } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { AUDIT_CHAINS, ChainVerifier } from './audit-chain.js';
import { chainBatch, chainHeads } from './audit.repo.js';

const BATCH = 2000;

/**
 * Walks every chain from its first entry and reports the first broken link found. Reads in
 * batches so memory stays flat however long the trail grows.
 *
 * Heads are read first and each walk stops at its head's sequence number: entries appended while
 * verification runs belong to a later state and are not mistaken for tampering, and no long
 * snapshot transaction holds up writers. A missing head row, or entries in a chain that has none,
 * count as tampering too.
 */
export async function verifyAudit(
  db: Db,
  onProgress?: (chain: number, checked: number) => void,
): Promise<AuditVerifyResult> {
  const heads = new Map((await chainHeads(db)).map((h) => [h.chain, h]));
  let entriesChecked = 0;
  const fail = (firstBroken: NonNullable<AuditVerifyResult['firstBroken']>): AuditVerifyResult => ({
    ok: false,
    chains: AUDIT_CHAINS,
    entriesChecked,
    firstBroken,
  });

  const orphan = await db.execute(sql`
    SELECT chain, min(seq) AS seq FROM audit_log
     WHERE chain NOT IN (SELECT chain FROM audit_chain_heads) GROUP BY chain ORDER BY chain LIMIT 1`);
  const orphanRow = rowsOf<{ chain: number; seq: string | number }>(orphan)[0];
  if (orphanRow) {
    return fail({ chain: Number(orphanRow.chain), seq: Number(orphanRow.seq), reason: 'head_mismatch', message: `chain ${orphanRow.chain} has entries but no head` });
  }

  for (let chain = 0; chain < AUDIT_CHAINS; chain++) {
    const head = heads.get(chain);
    if (!head) return fail({ chain, seq: 1, reason: 'head_mismatch', message: `the head of chain ${chain} was removed` });
    const headSeq = Number(head.seq);
    const verifier = new ChainVerifier(chain);
    let after = 0;
    while (after < headSeq) {
      const batch = await chainBatch(db, chain, after, Math.min(BATCH, headSeq - after));
      for (const row of batch) {
        const broken = verifier.feed({ ...row, seq: Number(row.seq) });
        if (broken) {
          entriesChecked += verifier.checked;
          return fail(broken);
        }
      }
      if (batch.length === 0) break;
      after = Number(batch[batch.length - 1]!.seq);
    }
    entriesChecked += verifier.checked;
    const broken = verifier.finish({ seq: headSeq, hash: head.hash });
    onProgress?.(chain, entriesChecked);
    if (broken) return fail(broken);
  }
  return { ok: true, chains: AUDIT_CHAINS, entriesChecked, firstBroken: null };
}
