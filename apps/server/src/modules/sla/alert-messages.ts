import type { ClockKind, NotificationKind } from '@qloop/contracts';
import { offsetAt } from '../calendars/time-zone.js';
import type { AlertStage } from './alert-stages.js';

const CLOCK_LABEL: Record<ClockKind, string> = {
  first_response: '首次响应',
  next_response: '进展更新',
  resolution: '处理时限',
  follow_up: '回访',
};

export const NOTIFICATION_KIND: Record<AlertStage['kind'], NotificationKind> = {
  warning: 'sla_warning',
  breach: 'sla_breach',
  escalation: 'sla_escalation',
};

/** "12-03 17:30" in the calendar's own zone (the zone the target was promised in). */
export function wallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetAt(timeZone, instant.getTime()));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}

/**
 * The line people read in their notifications and on the ticket's timeline (Chinese, like the rest
 * of the product's notifications). Pure.
 */
export function alertTitle(stage: AlertStage, t: { no: string; clockKind: ClockKind; deadline: Date | null; timeZone: string }): string {
  const what = `工单 ${t.no} 的${CLOCK_LABEL[t.clockKind]}`;
  const due = t.deadline ? `（${wallTime(t.deadline, t.timeZone)} 到期）` : '';
  switch (stage.kind) {
    case 'warning':
      return `时限预警：${what}已用 ${stage.level}%${due}`;
    case 'breach':
      return `已超时：${what}已超过时限${due}`;
    case 'escalation':
      return `超时升级（第 ${stage.level} 级）：${what}已超时${due}`;
  }
}
