import { sql } from 'drizzle-orm';
import type { WarningEvaluation, WarningRule } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { escalateLatePlans } from './escalate-warnings.js';
import { findBatches } from './find-batch.js';
import { findGroupComplaints } from './find-group-complaints.js';
import { findHotTopics } from './find-hot-topics.js';
import { findRises } from './find-rise.js';
import { findThresholds } from './find-threshold.js';
import type { Finding, RuleOf } from './finding.js';
import { loadOrgDirectory, type OrgDirectory } from './org-directory.js';
import { raiseOrMerge } from './raise-warnings.js';
import { listWarningRules } from './warning-rules.repo.js';

/** Advisory lock id: one evaluation at a time across server instances. */
const EVALUATE_LOCK = 0x51_0a_77_01;

function findingsOf(db: Db, dir: OrgDirectory, rule: WarningRule, now: Date): Promise<Finding[]> {
  switch (rule.params.kind) {
    case 'threshold': return findThresholds(db, dir, rule as RuleOf<'threshold'>, now);
    case 'rise': return findRises(db, dir, rule as RuleOf<'rise'>, now);
    case 'batch': return findBatches(db, dir, rule as RuleOf<'batch'>, now);
    case 'hot_topic': return findHotTopics(db, dir, rule as RuleOf<'hot_topic'>, now);
    case 'group_complaint': return findGroupComplaints(db, dir, rule as RuleOf<'group_complaint'>, now);
  }
}

/**
 * One evaluation of every active rule, then the late-plan escalations, in one transaction under an
 * advisory lock (a second instance skips rather than raising the same warnings twice). Returns
 * null when another evaluation holds the lock.
 */
export async function evaluateWarnings(db: Db, now = new Date()): Promise<WarningEvaluation | null> {
  const started = Date.now();
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${EVALUATE_LOCK}) AS ok`));
    if (!lock?.ok) return null;
    const dir = await loadOrgDirectory(tx);
    const rules = (await listWarningRules(tx)).filter((r) => r.active);
    const counts = { raised: 0, merged: 0, upgraded: 0, seen: 0 };
    for (const rule of rules) {
      for (const f of await findingsOf(tx, dir, rule, now)) counts[await raiseOrMerge(tx, dir, f, rule.planDays, now)]++;
    }
    const escalated = await escalateLatePlans(tx, dir, now);
    return { at: now.toISOString(), rules: rules.length, raised: counts.raised, merged: counts.merged, upgraded: counts.upgraded, escalated, ms: Date.now() - started };
  });
}
