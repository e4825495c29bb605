import type { Database, Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { TicketDetail } from '@qloop/contracts';
import type { Principal } from '../auth/principal.js';
import { acceptTickets, type IntakeOutcome, type IntakeRequest } from './accept-tickets.js';
import { getCreatedTicketDetails } from './get-ticket-detail.js';

/** What intake answers: the outcome and, when accepted, the ticket as its reader sees it. */
export type IntakeResult = IntakeOutcome & { detail?: (p: Principal) => TicketDetail };

/** Most requests accepted in one transaction. */
const MAX_BATCH = 100;

type Waiting = { request: IntakeRequest; resolve: (o: IntakeResult) => void; reject: (e: unknown) => void };

/**
 * Group commit for intake. While one batch is being written, requests that arrive wait and are
 * then accepted together in one transaction: under load, 50 concurrent requests cost a few round
 * trips instead of several hundred; when idle, a request goes alone at once (no added delay).
 * If a batch fails as a whole (a race lost to another instance on a unique key, a deadlock), its
 * requests are retried one by one, so one request never fails because of another.
 */
export class IntakeQueue {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(private readonly db: Db) {}

  submit(request: IntakeRequest): Promise<IntakeResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.busy) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.run(batch);
      }
    } finally {
      this.busy = false;
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.db.transaction((tx) => acceptTickets(tx, batch.map((w) => w.request)));
      // the answers are read back together too: three queries for the whole batch
      const details = await getCreatedTicketDetails(this.db, [...new Set(outcomes.flatMap((o) => (o.ok ? [o.id] : [])))]);
      batch.forEach((w, i) => {
        const o = outcomes[i]!;
        w.resolve(o.ok ? { ...o, detail: details.get(o.id) } : o);
      });
    } catch (err) {
      if (batch.length === 1) {
        if (err instanceof AppError) batch[0]!.resolve({ ok: false, error: err });
        else batch[0]!.reject(err);
        return;
      }
      for (const w of batch) await this.run([w]);
    }
  }
}

const queues = new WeakMap<Database, IntakeQueue>();

/** The intake queue of a database (one per process and database). */
export function intakeQueueOf(database: Database): IntakeQueue {
  let q = queues.get(database);
  if (!q) {
    q = new IntakeQueue(database.db);
    queues.set(database, q);
  }
  return q;
}
