import { sql, type SQL } from 'drizzle-orm';
import type { SurveyRecoveryListQuery } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { ORG_TIME_ZONE } from '../indicators/ticket-facts.js';
import { ticketScopeCondition } from '../tickets/tickets.repo.js';
import { findRecoveries, findRecoverySurveys } from './recoveries.repo.js';

/**
 * A recovery is seen by whoever may see its ticket (the tickets' own scope: the org subtree, plus a
 * ticket one holds or whose queue one is in), so the agent it was transferred to finds it here too
 * and the ticket page can tell its ticket is one.
 */
const inScope = (p: Principal): SQL => ticketScopeCondition(p) ?? sql`true`;

/** The instant a day (YYYY-MM-DD, the organisation's time zone) begins, or the day after it when `after`. */
const dayStart = (day: string, after = false) => sql`((${day}::date + ${after ? 1 : 0}::int)::timestamp AT TIME ZONE ${ORG_TIME_ZONE})`;

/**
 * Service recoveries in the caller's scope, filtered by status, org unit (with its subtree),
 * survey, recovery ticket and the days the low answer came in; newest or oldest first; paged.
 */
export async function listRecoveries(db: Db, p: Principal, q: SurveyRecoveryListQuery) {
  if (q.from && q.to && q.from > q.to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
  const conds = [inScope(p)];
  if (q.orgUnit) conds.push(orgSubtreeCondition(q.orgUnit, sql`x.org_unit_id`));
  if (q.survey) conds.push(sql`r.survey_id = ${q.survey}`);
  if (q.ticketId) conds.push(sql`x.ticket_id = ${q.ticketId}`);
  if (q.from) conds.push(sql`x.created_at >= ${dayStart(q.from)}`);
  if (q.to) conds.push(sql`x.created_at < ${dayStart(q.to, true)}`);
  if (q.status === 'open') conds.push(sql`x.recovered IS NULL`);
  if (q.status === 'recovered') conds.push(sql`x.recovered`);
  if (q.status === 'lost') conds.push(sql`x.recovered = false`);
  const page = await findRecoveries(db, {
    where: sql.join(conds, sql` AND `),
    newestFirst: q.sort !== 'createdAt',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { ...page, page: q.page, pageSize: q.pageSize };
}

/** The surveys that opened recoveries the caller can see: the choices of the list's survey filter (people without survey access included). */
export async function listRecoverySurveys(db: Db, p: Principal) {
  return { items: await findRecoverySurveys(db, inScope(p)) };
}
