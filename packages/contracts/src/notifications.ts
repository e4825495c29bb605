import { z } from 'zod';
import { PageQuery, QueryBool } from './common.js';

export const NOTIFICATION_KINDS = ['assigned', 'transferred', 'mentioned', 'reopened', 'sla_warning', 'sla_breach', 'sla_escalation', 'warning_raised', 'warning_escalated'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  ticketId: z.uuid().nullable(),
  ticketNo: z.string().nullable(),
  /** a graded warning (预警) the notification is about */
  warningId: z.uuid().nullable(),
  title: z.string(),
  body: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({ unread: QueryBool.optional() });
export const UnreadCount = z.object({ unread: z.number().int() });

/** Outbound channels a message can leave by; the default implementation only logs them. */
export const OUTBOUND_CHANNELS = ['sms', 'email'] as const;
