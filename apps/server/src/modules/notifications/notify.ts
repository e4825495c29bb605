import { inArray, sql } from 'drizzle-orm';
import { PROVINCE_WIDE_ROLES } from '@qloop/contracts';
import type { NotificationKind } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';
import { insertRows } from '../../db/insert-rows.js';
import { outboundChannels, sendAll } from './outbound-channel.js';

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  ticketId?: string | null;
  warningId?: string | null;
  title: string;
  body?: string | null;
};

/**
 * Notifies people inside the caller's transaction: an in-app notification each, plus an email
 * through the outbound channel where the user has an address. Nobody is notified of their own act.
 */
export async function notify(tx: Db, actorId: string | null, items: NotificationInput[]): Promise<void> {
  const wanted = items.filter((n) => n.userId !== actorId);
  if (!wanted.length) return;
  await insertRows(tx, notifications, wanted.map((n) => ({ ...n, ticketId: n.ticketId ?? null, warningId: n.warningId ?? null, body: n.body ?? null })));
  const people = await tx
    .select({ id: users.id, email: users.email, active: users.active })
    .from(users)
    .where(inArray(users.id, [...new Set(wanted.map((n) => n.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const mails = wanted.flatMap((n) => {
    const person = byId.get(n.userId);
    return person?.active && person.email ? [{ to: person.email, subject: n.title, body: n.body ?? n.title, userId: n.userId, ticketId: n.ticketId ?? null }] : [];
  });
  await sendAll(outboundChannels.email, tx, mails);
}

/** Usernames mentioned as @username in a note. */
export function mentionedUsernames(text: string): string[] {
  return [...new Set([...text.matchAll(/@([a-zA-Z0-9._-]{3,40})/g)].map((m) => m[1]!.toLowerCase()))];
}

/**
 * Active users among `names` who can see a ticket of `ticketOrgPath`: province-wide roles, or users
 * whose org unit lies on the ticket's path. A mention never leaks a ticket to someone outside it.
 */
export async function mentionableUserIds(tx: Db, names: string[], ticketOrgPath: string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await tx
    .select({ id: users.id, role: users.role, orgUnitId: users.orgUnitId })
    .from(users)
    .where(sql`lower(${users.username}) IN (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) AND ${users.active}`);
  return rows.filter((r) => PROVINCE_WIDE_ROLES.includes(r.role) || ticketOrgPath.includes(r.orgUnitId)).map((r) => r.id);
}

