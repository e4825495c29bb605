import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Notification } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { notifications, tickets } from '../../db/schema/index.js';

export async function listNotifications(db: Db, userId: string, f: { unread?: boolean | undefined; page: number; pageSize: number }) {
  const where = and(eq(notifications.userId, userId), f.unread ? isNull(notifications.readAt) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select({ n: notifications, ticketNo: tickets.no })
      .from(notifications)
      .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ c: sql<number>`count(*)::int` }).from(notifications).where(where),
  ]);
  const items: Notification[] = rows.map(({ n, ticketNo }) => ({
    id: String(n.id),
    kind: n.kind,
    ticketId: n.ticketId,
    ticketNo,
    warningId: n.warningId,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }));
  return { items, total: Number(count?.c ?? 0) };
}

export async function unreadCount(db: Db, userId: string) {
  const [row] = await db
    .select({ c: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.c ?? 0);
}

/** Marks one (by id) or all of the user's notifications read; another user's id changes nothing. */
export async function markRead(db: Db, userId: string, id?: number) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id !== undefined ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function notificationExists(db: Db, userId: string, id: number) {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return !!row;
}
