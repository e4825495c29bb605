import type { WarningEvidence, WarningLevel, WarningRule } from '@qloop/contracts';
import { sql } from 'drizzle-orm';
import { localDay, ORG_TIME_ZONE } from '../indicators/ticket-facts.js';

/** A condition a rule found: what the raise step turns into a new warning or merges into an open one. */
export type Finding = {
  ruleId: string;
  kind: WarningRule['params']['kind'];
  /** rule + unit + subject: one open warning per key */
  conditionKey: string;
  level: WarningLevel;
  orgUnitId: string;
  ownerDepartmentId: string | null;
  title: string;
  titleEn: string;
  evidence: WarningEvidence;
  /** the tickets behind it; null when they are traced through the indicator instead */
  ticketIds: string[] | null;
  ticketCount: number;
  /**
   * what makes a repeat finding news: the same key with the same stamp (the same day's window,
   * the same tickets) is the same finding seen again, not another occurrence
   */
  stamp: string;
};

/** A rule as the evaluators read it. */
export type RuleOf<K extends WarningRule['params']['kind']> = Omit<WarningRule, 'params'> & { params: Extract<WarningRule['params'], { kind: K }> };

const DAY = 86_400_000;
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * The window of `days` whole days ending yesterday (Asia/Shanghai), and the window of the same
 * length before it: today is not over, and half a day against a whole one is a fall, not a figure.
 */
export function dayWindows(now: Date, days: number): { from: string; to: string; previousFrom: string; previousTo: string } {
  const to = addDays(localDay(now), -1);
  const from = addDays(to, -(days - 1));
  return { from, to, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

/** The instant a day (YYYY-MM-DD, Asia/Shanghai) begins, as SQL. */
export const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE ${ORG_TIME_ZONE})`;

/** Figures in titles: at most two decimals, no trailing zeros. */
export const fmt = (x: number) => String(Math.round(x * 100) / 100);

export const LEVEL_ZH = { yellow: '黄色', orange: '橙色', red: '红色' } as const;
