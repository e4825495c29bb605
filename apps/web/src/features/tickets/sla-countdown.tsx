import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import type { TicketSlaSummary } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { splitMinutes, useFormatMinutes } from '../../components/duration';

type Countable = Pick<TicketSlaSummary, 'elapsedMinutes' | 'targetMinutes' | 'leftMinutes' | 'status' | 'deadline'>;

/**
 * Past its deadline and still running. Minutes are whole (floored), so in the first minute after
 * the deadline "0 left" is already overdue: the deadline decides.
 */
export function isOverdue(s: Countable, now = Date.now()): boolean {
  return s.status === 'running' && (s.leftMinutes < 0 || (!!s.deadline && new Date(s.deadline).getTime() < now));
}

/** How far into its target a clock is, as a colour: the same bands the pre-breach warnings use. */
export function slaColor(s: Countable): string {
  if (s.status === 'paused') return 'default';
  if (isOverdue(s)) return 'red';
  const used = s.targetMinutes > 0 ? s.elapsedMinutes / s.targetMinutes : 0;
  if (used >= 0.9) return 'volcano';
  if (used >= 0.75) return 'orange';
  if (used >= 0.5) return 'gold';
  return 'green';
}

/**
 * A ticket's countdown: business time left on the clock due first (or overdue by), coloured by the
 * share of the target used; a paused clock shows what is left when it resumes. The tooltip says
 * which target, the deadline and the calendar, since "2 小时" of cn-standard can span a night.
 */
export function SlaCountdown({ sla, compact }: { sla: TicketSlaSummary | null | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const minutes = useFormatMinutes();
  // a list cell has room for "超时 17小时" or "剩 9小时53分", not for "超时 17 小时 53 分钟"; the
  // tooltip has the exact figures
  const short = (total: number) => {
    const { h, m } = splitMinutes(Math.max(0, Math.round(total)));
    return h >= 10 || (h && !m) ? t('slaClock.shortH', { h }) : h ? t('slaClock.shortHM', { h, m }) : t('slaClock.shortM', { m });
  };
  const left = compact ? short : minutes;
  if (!sla) return null;
  const overdue = isOverdue(sla);
  const text =
    sla.status === 'paused'
      ? t('slaClock.pausedLeft', { left: left(sla.leftMinutes) })
      : overdue
        ? sla.leftMinutes < 0
          ? t('slaClock.overdueBy', { time: left(-sla.leftMinutes) })
          : t('slaClock.status_overdue')
        : t('slaClock.left', { left: left(sla.leftMinutes) });
  const tip = (
    <div>
      <div>{t(`sla.clock_${sla.kind}`)}</div>
      <div>
        {t('slaClock.used', { elapsed: minutes(sla.elapsedMinutes), target: minutes(sla.targetMinutes) })}
      </div>
      {sla.deadline && <div>{t('slaClock.deadline', { at: formatDateTime(sla.deadline) })}</div>}
      <div>{t('slaClock.calendar', { key: sla.calendarKey })}</div>
    </div>
  );
  return (
    <Tooltip title={tip}>
      <Tag
        color={slaColor(sla)}
        icon={sla.status === 'paused' ? <PauseCircleOutlined /> : <ClockCircleOutlined />}
        bordered={false}
        style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums', ...(compact ? { fontSize: 12, paddingInline: 6 } : {}) }}
        data-testid="sla-countdown"
        data-overdue={overdue ? 'true' : undefined}
      >
        {compact ? text : `${t(`sla.clock_${sla.kind}`)} · ${text}`}
      </Tag>
    </Tooltip>
  );
}
