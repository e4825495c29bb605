import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { principalFor, type Principal } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import { searchQueryOf } from './search-text.js';
import { sql } from 'drizzle-orm';
import { rankedSearchPage } from './ranked-search-page.js';
import { listTickets } from './tickets.repo.js';

/**
 * Ranked search over many matches: relevance orders the newest SEARCH_RANK_WINDOW matches, and the
 * list says so; within the window every match is ranked; other sorts and exports are unaffected.
 */
let h: Harness;
let agent: Session;
let principal: Principal;
const made: string[] = []; // oldest first; the oldest is the strongest match
let customerId: string;

beforeAll(async () => {
  h = await createHarness();
  agent = await h.login('agent.dz1');
  principal = principalFor((await findPrincipalUser(h.database.db, await h.userId('agent.dz1')))!, { sessionHash: 'x' });
  const cat = await h.categoryIds();
  const team = await h.orgId('JN-DZ-T01');
  const titles = ['国际漫游 国际漫游 国际漫游 国际漫游', '国际漫游扣费疑问', '咨询国际漫游开通', '国际漫游资费', '国际漫游套餐'];
  for (const title of titles) {
    const res = await agent.req('POST', '/api/v1/tickets', {
      type: 'consultation', channel: 'hotline', title, description: '客户来电咨询相关业务，要求解释清楚', categoryId: cat['N03-03'], orgUnitId: team, customer: { phone: '13812340001' },
    });
    expect(res.statusCode).toBe(201);
    made.push(res.json().id);
    customerId = res.json().customer.id;
  }
});
afterAll(() => h.close());

const search = (extra: { rankWindow?: number; sort?: string } = {}) =>
  listTickets(h.database.db, principal, { searchQuery: searchQueryOf('国际漫游'), customerId, page: 1, pageSize: 50, ...extra });

describe('ranked search window', () => {
  it('ranks every match while they fit the window: the strongest, oldest match comes first', async () => {
    const r = await search();
    expect(r.items.map((i) => i.ticket.id)[0]).toBe(made[0]);
    expect(r.items).toHaveLength(5);
    expect(r.rankedNewest).toBeUndefined();
  });

  it('past the window, ranks the newest matches only and says so', async () => {
    const r = await search({ rankWindow: 3 });
    const ids = r.items.map((i) => i.ticket.id);
    expect(new Set(ids)).toEqual(new Set(made.slice(2)));
    expect(r.rankedNewest).toBe(3);
    expect(r.total).toBe(5);
    // still ranked within the window: no rank below a later one
    const ranks = r.items.map((i) => Number((i as { rank?: unknown }).rank));
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('a chosen sort lists every match, as does the API answer carry the window only when it applies', async () => {
    const sorted = await search({ rankWindow: 3, sort: '-createdAt' });
    expect(sorted.items.map((i) => i.ticket.id)).toEqual([...made].reverse());
    expect(sorted.rankedNewest).toBeUndefined();
    const api = (await agent.req('GET', `/api/v1/tickets?q=${encodeURIComponent('国际漫游')}&customerId=${customerId}`)).json();
    expect(api.items[0].id).toBe(made[0]);
    expect(api.rankedNewest).toBeUndefined();
  });
});

describe('the newest matches: recent tickets first, every match when they come short', () => {
  const page = (recentScan: number) => {
    const tsQuery = sql`plainto_tsquery('simple', ${searchQueryOf('国际漫游')})`;
    const where = sql`tickets.search_vector @@ ${tsQuery} AND tickets.customer_id = ${customerId}`;
    return rankedSearchPage(h.database.db, { where, tsQuery, window: 3, limit: 50, offset: 0, recentScan });
  };

  it('finds the same page either way: from the newest tickets, or from every match', async () => {
    // the five matches are the newest tickets: a walk through the newest 10 finds the newest three
    const fromRecent = await page(10);
    expect(new Set(fromRecent.map((r) => r.id))).toEqual(new Set(made.slice(2)));
    // a later ticket that does not match: the newest three tickets now hold two matches, too few
    const other = await agent.req('POST', '/api/v1/tickets', {
      type: 'consultation', channel: 'hotline', title: '宽带报装进度', description: '客户来电询问', categoryId: (await h.categoryIds())['N03-03'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13812340001' },
    });
    expect(other.statusCode).toBe(201);
    const fromEvery = await page(3);
    expect(fromEvery.map((r) => r.id)).toEqual(fromRecent.map((r) => r.id));
    expect(fromEvery.map((r) => r.rank)).toEqual(fromRecent.map((r) => r.rank));
    // and without the walk at all
    expect((await page(0)).map((r) => r.id)).toEqual(fromRecent.map((r) => r.id));
  });
});
