import type { Database, Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { TicketDetail } from '@qloop/contracts';
import type { Principal } from '../auth/principal.js';
import { acceptTickets, type IntakeOutcome, type IntakeRequest } from './accept-tickets.js';
import { getCreatedTicketDetails } from './get-ticket-detail.js';
import { retryLostRace } from '../../db/retry-lost-race.js';
import { laneOf } from '../../lib/stable-hash.js';

/** What intake answers: the outcome and, when accepted, the ticket as its reader sees it. */
export type IntakeResult = IntakeOutcome & { detail?: (p: Principal) => TicketDetail };

/** Most requests accepted in one transaction. */
const MAX_BATCH = 100;

/**
 * Batches written at the same time. One lane leaves a core idle: while a batch's statements run in
 * PostgreSQL the server waits, and while the server builds the next batch the database waits.
 * Measured on two cores at 50 clients (bench/RESULTS.md): 1 lane 396/s, 2 lanes 523/s, 3 lanes
 * 437/s, 4 lanes 334/s — more lanes make smaller batches, and each batch costs some 25 statements.
 */
export const INTAKE_LANES = 2;

type Waiting = { request: IntakeRequest; resolve: (o: IntakeResult) => void; reject: (e: unknown) => void };
type Lane = { waiting: Waiting[]; busy: boolean };

/**
 * Which lane a request waits in. Requests that may create the same new customer share a lane, so
 * two batches never both create it: by phone first (phones are not unique in the customer table);
 * two lanes racing for one new customer number meet its unique index, and the losing batch is
 * retried. Requests for a customer already on file may go to either lane: its row is locked.
 */
export function laneKeyOf(r: IntakeRequest): string {
  const c = r.input.customer;
  return c.phone ? `p:${c.phone}` : c.customerNo ? `n:${c.customerNo}` : `c:${c.id ?? ''}`;
}

/**
 * Group commit for intake. While one batch is being written, requests that arrive wait and are
 * then accepted together in one transaction: under load, 50 concurrent requests cost a few round
 * trips instead of several hundred; when idle, a request goes alone at once (no added delay).
 * Requests are spread over `lanes` (see `laneKeyOf`), each writing its own batches, so that the
 * server builds one batch while the database writes another.
 * If a batch fails as a whole (a race lost to another lane or instance on a unique key, a
 * deadlock), its requests are retried one by one, so one request never fails because of another.
 */
export class IntakeQueue {
  private readonly lanes: Lane[];

  constructor(
    private readonly db: Db,
    lanes = INTAKE_LANES,
  ) {
    this.lanes = Array.from({ length: Math.max(1, lanes) }, () => ({ waiting: [], busy: false }));
  }

  submit(request: IntakeRequest): Promise<IntakeResult> {
    const lane = this.lanes[laneOf(laneKeyOf(request), this.lanes.length)]!;
    return new Promise((resolve, reject) => {
      lane.waiting.push({ request, resolve, reject });
      if (!lane.busy) void this.pump(lane);
    });
  }

  private async pump(lane: Lane): Promise<void> {
    lane.busy = true;
    try {
      while (lane.waiting.length) {
        const batch = lane.waiting.splice(0, MAX_BATCH);
        await this.run(batch);
      }
    } finally {
      lane.busy = false;
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const accept = () => this.db.transaction((tx) => acceptTickets(tx, batch.map((w) => w.request)));
      // alone, a request that lost a race with another lane (or instance) is simply run again
      const outcomes = batch.length === 1 ? await retryLostRace(accept) : await accept();
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
