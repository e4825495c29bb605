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
  /** many at once (an SLA sweep notifies thousands); a gateway without a batch API sends one by one */
  sendMany?(tx: Db, messages: readonly OutboundMessage[]): Promise<void>;
}

/** Sends through the channel's batch method when it has one. */
export async function sendAll(channel: OutboundChannel, tx: Db, messages: readonly OutboundMessage[]): Promise<void> {
  if (!messages.length) return;
  if (channel.sendMany) return channel.sendMany(tx, messages);
  for (const m of messages) await channel.send(tx, m);
}

export function logChannel(name: 'sms' | 'email'): OutboundChannel {
  const row = (m: OutboundMessage) => ({
    channel: name,
    toAddress: m.to,
    subject: m.subject ?? null,
    body: m.body,
    userId: m.userId ?? null,
    ticketId: m.ticketId ?? null,
  });
  return {
    name,
    send: async (tx, m) => {
      await tx.insert(outboundMessages).values(row(m));
    },
    sendMany: async (tx, ms) => {
      for (let i = 0; i < ms.length; i += 1000) await tx.insert(outboundMessages).values(ms.slice(i, i + 1000).map(row));
    },
  };
}

/** The configured channels; replace an entry to plug in a real gateway. */
export const outboundChannels: { sms: OutboundChannel; email: OutboundChannel } = {
  sms: logChannel('sms'),
  email: logChannel('email'),
};
