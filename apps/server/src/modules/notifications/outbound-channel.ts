import type { Db } from '../../db/client.js';
import { outboundMessages } from '../../db/schema/index.js';

export type OutboundMessage = {
  to: string;
  subject?: string;
  body: string;
  userId?: string | null;
  ticketId?: string | null;
};

/**
 * A way out of the system (SMS gateway, mail server). Real gateways implement this interface; the
 * default one only records the message in outbound_messages, so nothing leaves a test or demo
 * installation and every message can be inspected.
 */
export interface OutboundChannel {
  readonly name: 'sms' | 'email';
  send(tx: Db, message: OutboundMessage): Promise<void>;
}

export function logChannel(name: 'sms' | 'email'): OutboundChannel {
  return {
    name,
    send: async (tx, m) => {
      await tx.insert(outboundMessages).values({
        channel: name,
        toAddress: m.to,
        subject: m.subject ?? null,
        body: m.body,
        userId: m.userId ?? null,
        ticketId: m.ticketId ?? null,
      });
    },
  };
}

/** The configured channels; replace an entry to plug in a real gateway. */
export const outboundChannels: { sms: OutboundChannel; email: OutboundChannel } = {
  sms: logChannel('sms'),
  email: logChannel('email'),
};
