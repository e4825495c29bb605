import { z } from 'zod';
import { Notification, NotificationQuery, UnreadCount, pageOf } from '@qloop/contracts';
import { notFound } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { listNotifications, markRead, notificationExists, unreadCount } from './notifications.repo.js';

export function registerNotificationRoutes(app: App): void {
  const tags = ['notifications'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    access: 'authenticated',
    summary: 'Your notifications, newest first (unread=true for unread only)',
    tags,
    schema: { querystring: NotificationQuery, response: { 200: pageOf(Notification) } },
    handler: async (req, _reply, { database, principal }) => {
      const { items, total } = await listNotifications(database.db, principal.userId, req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    access: 'authenticated',
    summary: 'How many of your notifications are unread',
    tags,
    schema: { response: { 200: UnreadCount } },
    handler: async (_req, _reply, { database, principal }) => ({ unread: await unreadCount(database.db, principal.userId) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    access: 'authenticated',
    summary: 'Mark one notification read',
    tags,
    schema: { params: z.strictObject({ id: z.coerce.number().int().positive() }) },
    handler: async (req, _reply, { database, principal }) => {
      const marked = await markRead(database.db, principal.userId, req.params.id);
      // nothing marked: already read is fine; unknown or someone else's is "not found"
      if (marked === 0 && !(await notificationExists(database.db, principal.userId, req.params.id))) throw notFound('notification');
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    access: 'authenticated',
    summary: 'Mark all your notifications read',
    tags,
    schema: { response: { 200: z.object({ marked: z.number().int() }) } },
    handler: async (_req, _reply, { database, principal }) => ({ marked: await markRead(database.db, principal.userId) }),
  });
}
