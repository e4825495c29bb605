import type { AssignStrategy, RuleConditions } from '@qloop/contracts';

/**
 * Pure routing of a new ticket: the first active rule (in explicit order) whose conditions all hold
 * picks the group; the strategy picks a member. No I/O: the caller loads rules, members and loads.
 */
export type RoutableTicket = {
  type: string;
  channel: string;
  tier: string;
  /** the ticket category's path, root first */
  categoryPath: readonly string[];
  /** the ticket org unit's path, root first */
  orgPath: readonly string[];
};

export type RuleForRouting = {
  id: string;
  position: number;
  active: boolean;
  conditions: RuleConditions;
  groupId: string;
  strategy: AssignStrategy;
  skill: string | null;
};

const allows = <T>(list: readonly T[] | undefined, value: T) => !list?.length || list.includes(value);
const under = (list: readonly string[] | undefined, path: readonly string[]) => !list?.length || list.some((id) => path.includes(id));

export function ruleMatches(rule: RuleForRouting, t: RoutableTicket): boolean {
  const c = rule.conditions;
  return (
    rule.active &&
    allows(c.types, t.type) &&
    allows(c.channels, t.channel) &&
    allows(c.tiers, t.tier) &&
    under(c.categoryIds, t.categoryPath) &&
    under(c.orgUnitIds, t.orgPath)
  );
}

export function firstMatchingRule(rules: readonly RuleForRouting[], t: RoutableTicket): RuleForRouting | null {
  return [...rules].sort((a, b) => a.position - b.position).find((r) => ruleMatches(r, t)) ?? null;
}

export type Candidate = { userId: string; skills: readonly string[]; openTickets: number };

/**
 * Picks a member of the group. round_robin: the next member after the one picked last (members in
 * a stable order by id). least_open: fewest open tickets, ties broken by id. skill: among members
 * with the skill, fewest open tickets; nobody has it → null (the ticket waits in the group queue).
 */
export function pickAssignee(
  strategy: AssignStrategy,
  members: readonly Candidate[],
  opts: { lastPicked: string | null; skill: string | null },
): string | null {
  const sorted = [...members].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (sorted.length === 0) return null;
  const leastOpen = (list: Candidate[]) =>
    list.reduce<Candidate | null>((best, m) => (!best || m.openTickets < best.openTickets ? m : best), null)?.userId ?? null;
  switch (strategy) {
    case 'round_robin': {
      const next = sorted.find((m) => opts.lastPicked === null || m.userId > opts.lastPicked);
      return (next ?? sorted[0]!).userId;
    }
    case 'least_open':
      return leastOpen(sorted);
    case 'skill':
      return leastOpen(sorted.filter((m) => opts.skill !== null && m.skills.includes(opts.skill)));
  }
}

export type BatchRoute = { ruleId: string; groupId: string; assigneeId: string | null } | null;

/**
 * Routes many tickets at once (an import) exactly as one-by-one intake would: the rules in order,
 * round robin continuing from each rule's last pick, least-open counting the tickets this batch
 * already handed out. Pure: `candidates` are the members of each matched group with their open
 * load before the batch; returns one route per ticket (null: no rule matched) and each used
 * round-robin rule's new last pick.
 */
export function routeBatch(
  rules: readonly (RuleForRouting & { lastPicked: string | null })[],
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  tickets: readonly RoutableTicket[],
): { routes: BatchRoute[]; lastPicked: Map<string, string> } {
  const load = new Map<string, Map<string, number>>();
  const membersOf = (groupId: string) => {
    const members = candidates.get(groupId) ?? [];
    if (!load.has(groupId)) load.set(groupId, new Map(members.map((m) => [m.userId, m.openTickets])));
    const counts = load.get(groupId)!;
    return members.map((m) => ({ ...m, openTickets: counts.get(m.userId)! }));
  };
  const lastPicked = new Map<string, string>();
  const routes = tickets.map((t): BatchRoute => {
    const rule = firstMatchingRule(rules, t);
    if (!rule) return null;
    const previous = lastPicked.get(rule.id) ?? rules.find((r) => r.id === rule.id)!.lastPicked;
    const assigneeId = pickAssignee(rule.strategy, membersOf(rule.groupId), { lastPicked: previous, skill: rule.skill });
    if (assigneeId) {
      if (rule.strategy === 'round_robin') lastPicked.set(rule.id, assigneeId);
      // the same person may sit in several groups: their load grows everywhere
      for (const counts of load.values()) if (counts.has(assigneeId)) counts.set(assigneeId, counts.get(assigneeId)! + 1);
    }
    return { ruleId: rule.id, groupId: rule.groupId, assigneeId };
  });
  return { routes, lastPicked };
}
