import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { writeInvitation } from './invite.js';

/** Advisory lock id: one sender at a time across server instances. */
const SEND_LOCK = 7_461_017;

type EventRow = {
  event_id: string; ticket_id: string; to_state: string; type: string; channel: string; category_path: string[]; org_unit_id: string;
  customer_id: string; phone: string | null; consent_survey: boolean;
};
type RuleRow = { id: string; survey_id: string; trigger: string; types: string[]; channels: string[]; category_ids: string[]; cooldown_days: number; expires_in_days: number; state: string; published_version: number | null; name: string | null };

/** The first active rule (oldest first) a ticket's state change matches. Pure. */
export function matchingRule<R extends Pick<RuleRow, 'trigger' | 'types' | 'channels' | 'category_ids'>>(
  rules: readonly R[], e: Pick<EventRow, 'to_state' | 'type' | 'channel' | 'category_path'>,
): R | null {
  return (
    rules.find(
      (r) =>
        r.trigger === e.to_state && (!r.types.length || r.types.includes(e.type)) && (!r.channels.length || r.channels.includes(e.channel)) &&
        (!r.category_ids.length || r.category_ids.some((c) => e.category_path.includes(c))),
    ) ?? null
  );
}

/**
 * Sends post-ticket surveys: reads the ticket timeline from where it stopped, and for each change
 * to answered or closed that a rule matches, invites the customer by SMS — unless they declined
 * surveys, have no phone, or were invited to any survey within the rule's cool-down. Every outcome
 * is logged (survey_sends), the cursor moves on in the same transaction: each event is handled
 * once, even with several server instances (advisory lock; a second finds it taken and skips).
 *
 * Only events before the first one younger than `settleMs` (a minute by default) are read: event
 * ids are handed out when a transaction inserts, not when it commits, so a slow transaction can
 * commit a lower id after a faster one's higher id was read — a cursor right at the newest id would
 * then skip it for good. Stopping at the first unsettled id (not just skipping young events) keeps
 * what is read a prefix of the ids, whatever order the timestamps came in.
 */
export async function sendPostTicketSurveys(db: Db, secret: string, opts: { batch?: number; settleMs?: number } = {}): Promise<{ events: number; sent: number; skipped: number; busy?: true }> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${SEND_LOCK}) AS ok`));
    if (!lock?.ok) return { events: 0, sent: 0, skipped: 0, busy: true as const };
    const [cursor] = rowsOf<{ last: string }>(await tx.execute(sql`SELECT last_event_id::text AS last FROM survey_send_cursor WHERE id = 1 FOR UPDATE`));
    const last = cursor?.last ?? '0';
    const events = rowsOf<EventRow>(
      await tx.execute(sql`
        SELECT e.id::text AS event_id, e.ticket_id, e.to_state, t.type, t.channel, c.path AS category_path, t.org_unit_id,
               t.customer_id, cu.phone, cu.consent_survey
        FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN categories c ON c.id = t.category_id JOIN customers cu ON cu.id = t.customer_id
        WHERE e.id > ${last}::bigint AND e.kind = 'transition'
          -- up to the first event that has not settled: read past it and a lower id could still appear
          AND e.id < coalesce((SELECT min(u.id) FROM ticket_events u WHERE u.id > ${last}::bigint AND u.at >= now() - make_interval(secs => ${(opts.settleMs ?? 60_000) / 1000})), 9223372036854775807) AND e.to_state IN ('answered', 'closed')
        ORDER BY e.id LIMIT ${opts.batch ?? 500}`),
    );
    const rules = rowsOf<RuleRow>(
      await tx.execute(sql`
        SELECT r.id, r.survey_id, r.trigger, r.types, r.channels, r.category_ids, r.cooldown_days, r.expires_in_days, s.state, s.published_version,
               v.content->>'nameZh' AS name
        FROM survey_rules r JOIN surveys s ON s.id = r.survey_id LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.published_version
        WHERE r.active ORDER BY r.created_at, r.id`),
    );
    let sent = 0;
    let skipped = 0;
    for (const e of events) {
      const rule = matchingRule(rules, e);
      if (!rule) continue;
      const log = (outcome: string, invitationId: string | null = null) =>
        tx.execute(sql`INSERT INTO survey_sends (event_id, ticket_id, rule_id, outcome, invitation_id) VALUES (${e.event_id}::bigint, ${e.ticket_id}, ${rule.id}, ${outcome}, ${invitationId}) ON CONFLICT DO NOTHING`);
      let outcome: string | null = null;
      if (rule.state !== 'published' || !rule.published_version) outcome = 'survey_closed';
      else if (!e.consent_survey) outcome = 'no_consent';
      else if (!e.phone) outcome = 'no_phone';
      else {
        const [recent] = rowsOf<{ n: number }>(
          await tx.execute(sql`SELECT count(*)::int AS n FROM survey_invitations WHERE customer_id = ${e.customer_id} AND created_at > now() - make_interval(days => ${rule.cooldown_days})`),
        );
        if (rule.cooldown_days > 0 && recent!.n > 0) outcome = 'cooldown';
      }
      if (outcome) {
        await log(outcome);
        skipped++;
        continue;
      }
      const { row } = await writeInvitation(tx, secret, {
        surveyId: rule.survey_id, version: rule.published_version!, surveyName: rule.name ?? '', ticketId: e.ticket_id, customerId: e.customer_id, phone: e.phone,
        orgUnitId: e.org_unit_id, channel: 'sms', expiresInDays: rule.expires_in_days, createdBy: null,
      });
      await log('sent', row.id);
      sent++;
    }
    // the cursor moves to the last event read, handled or not
    const lastRead = events[events.length - 1]?.event_id;
    if (lastRead) await tx.execute(sql`UPDATE survey_send_cursor SET last_event_id = ${lastRead}::bigint WHERE id = 1`);
    return { events: events.length, sent, skipped };
  });
}
