import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

/**
 * How many of the newest tickets a ranked search first looks through, per ranked match: with the
 * list's window of 1,000, the newest 5,000 tickets (about 3 ms). Any more and searches for rare words,
 * which find little there, pay for the walk; an export ranks every match and skips it.
 */
const RECENT_SCAN_FACTOR = 5;
const RECENT_SCAN_MAX = 5_000;

/**
 * One page of a ranked search: of the tickets matching `where` (which includes the text match and
 * refers to the table as `tickets`), the newest `window`, ordered by rank, then newest, then id.
 *
 * The newest `window` matches are found one of two ways, in one statement:
 * - **Recent tickets first.** When a complaint is everywhere now (an outage: thousands of 宽带断网
 *   within hours), the newest matches are among the newest tickets. Walking the creation-time index
 *   through `recentScan` tickets finds them at once.
 * - **Every match.** When the recent tickets hold fewer than `window` matches, the matches come
 *   through the text index and the newest `window` are kept. This branch runs only then: a one-time
 *   filter on the first branch's count.
 * Left to itself, PostgreSQL estimates two words' matches as if the words were unrelated: 1,863 for
 * the 22,000 tickets with 宽带 and 断网. Once the text index was vacuumed it then read every match's row
 * (13,000 heap pages, more than the shared buffers keep between searches: 164 ms a search), where the
 * newest 1,000 lay in the newest 1,000 tickets.
 */
export async function rankedSearchPage(
  db: Db,
  q: { where: SQL | undefined; tsQuery: SQL; window: number; limit: number; offset: number; recentScan?: number },
): Promise<{ id: string; rank: number }[]> {
  const where = q.where ?? sql`true`;
  const newest = (from: SQL) => sql`SELECT tickets.id, tickets.created_at, tickets.search_vector AS vector FROM ${from}
    WHERE ${where} ORDER BY tickets.created_at DESC, tickets.id LIMIT ${q.window}`;
  const scan = q.recentScan ?? Math.min(q.window * RECENT_SCAN_FACTOR, RECENT_SCAN_MAX);
  const candidates =
    scan < q.window
      ? newest(sql`tickets`)
      : sql`WITH recent AS MATERIALIZED (${newest(sql`(SELECT * FROM tickets ORDER BY created_at DESC, id LIMIT ${scan}) AS tickets`)})
        SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ${q.window}
        UNION ALL
        SELECT * FROM (${newest(sql`tickets`)}) AS everything WHERE (SELECT count(*) FROM recent) < ${q.window}`;
  const rows = rowsOf<{ id: string; rank: number | string }>(
    await db.execute(sql`SELECT id, ts_rank(vector, ${q.tsQuery}) AS rank FROM (${candidates}) AS candidates
      ORDER BY 2 DESC, created_at DESC, id LIMIT ${q.limit} OFFSET ${q.offset}`),
  );
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}
