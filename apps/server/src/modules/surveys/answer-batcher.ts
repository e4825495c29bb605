import type { Db } from '../../db/client.js';
import { isLostRace } from '../../db/retry-lost-race.js';
import { recordAnswersAtOnce, type OrdinaryAnswer } from './record-answer.js';

/**
 * Group commit for ordinary answers. A scan-to-rate poster in a busy hall or an SMS campaign brings
 * hundreds of answers a second; written one by one, each pays a statement, a commit and three tally
 * triggers. Here the answers that arrive while earlier ones are being written wait for the next
 * statement and go in together (recordAnswersAtOnce): no timer, so a lone answer is written at
 * once, and under load a statement carries what arrived during the last one.
 *
 * Nothing is lost to a neighbour: should a statement of many fail (a deadlock with a recovery
 * ticket, a row the database refuses), each of its answers is tried again alone and only the one at
 * fault fails. Two submissions of one link never share a statement: the second waits for the next,
 * where it finds the link answered.
 */

export type AnswerBatcherOptions = {
  /** the most answers in one statement */
  maxBatch: number;
  /** statements under way at once (each on its own connection) */
  maxInFlight: number;
};

type Pending = { answer: OrdinaryAnswer; resolve: (id: string | null) => void; reject: (err: unknown) => void };

export type AnswerBatcher = {
  /** The response id, or null when the answer was not taken (the caller takes the careful path). */
  submit(answer: OrdinaryAnswer): Promise<string | null>;
};

export function createAnswerBatcher(db: Db, opts: AnswerBatcherOptions = { maxBatch: 200, maxInFlight: 2 }): AnswerBatcher {
  let queue: Pending[] = [];
  const writing = new Set<string>(); // invitations in a statement under way
  let inFlight = 0;
  let scheduled = false;

  /** The next statement's answers: oldest first, at most one per invitation, none already being written. */
  const take = (): Pending[] => {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of queue) {
      const id = p.answer.invitationId;
      if (batch.length < opts.maxBatch && !writing.has(id)) {
        writing.add(id);
        batch.push(p);
      } else rest.push(p);
    }
    queue = rest;
    return batch;
  };

  const write = async (batch: Pending[]) => {
    try {
      const taken = await recordAnswersAtOnce(db, batch.map((p) => p.answer));
      for (const p of batch) p.resolve(taken.get(p.answer.invitationId) ?? null);
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const p of batch) {
        try {
          p.resolve((await recordAnswersAtOnce(db, [p.answer])).get(p.answer.invitationId) ?? null);
        } catch (one) {
          // a lost race again: the careful path (its own transaction, customer locked first) takes it
          if (isLostRace(one)) p.resolve(null);
          else p.reject(one);
        }
      }
    }
  };

  const run = () => {
    scheduled = false;
    while (inFlight < opts.maxInFlight) {
      const batch = take();
      if (!batch.length) return;
      inFlight++;
      void write(batch).finally(() => {
        inFlight--;
        for (const p of batch) writing.delete(p.answer.invitationId);
        kick();
      });
    }
  };

  // setImmediate, not at once: requests whose bodies were read in the same turn of the event loop
  // join the same statement
  const kick = () => {
    if (scheduled || inFlight >= opts.maxInFlight || !queue.length) return;
    scheduled = true;
    setImmediate(run);
  };

  return {
    submit: (answer) =>
      new Promise((resolve, reject) => {
        queue.push({ answer, resolve, reject });
        kick();
      }),
  };
}

const batchers = new WeakMap<Db, AnswerBatcher>();

/** The batcher of a database (one per process and database). */
export function answerBatcherFor(db: Db): AnswerBatcher {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = createAnswerBatcher(db)));
  return b;
}
