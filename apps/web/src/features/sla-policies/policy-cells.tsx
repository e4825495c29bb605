import { Flex, Typography } from 'antd';
import { CLOCK_KINDS, type Calendar, type SlaPolicy } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatMinutes } from '../../components/duration';

/** The four targets, one line each: "首次响应 48 小时", or "不设". */
export function TargetsCell({ targets }: { targets: SlaPolicy['targets'] }) {
  const { t } = useTranslation();
  const minutes = useFormatMinutes();
  return (
    <Flex vertical gap={2}>
      {CLOCK_KINDS.map((k) => (
        <span key={k} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t(`sla.clock_${k}`)} </Typography.Text>
          {targets[k] === null ? <Typography.Text type="secondary">{t('sla.notSet')}</Typography.Text> : minutes(targets[k])}
        </span>
      ))}
    </Flex>
  );
}

/** Warnings, escalation levels and when notifications are sent, in short. */
export function AlertsCell({ alerts, calendars }: { alerts: SlaPolicy['alerts']; calendars: Calendar[] }) {
  const { t } = useTranslation();
  const hold = alerts.holdToCalendarKey ? (calendars.find((c) => c.key === alerts.holdToCalendarKey)?.name ?? alerts.holdToCalendarKey) : null;
  return (
    <Flex vertical gap={2}>
      <span>{alerts.warnAtPercent.length ? t('sla.warnSummary', { list: alerts.warnAtPercent.map((p) => `${p}%`).join('/') }) : t('sla.noWarnings')}</span>
      <span>{alerts.escalations.length ? t('sla.escalationSummary', { count: alerts.escalations.length }) : t('sla.noEscalations')}</span>
      {hold && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: hold }} style={{ maxWidth: 124, fontSize: 12 }}>
          {t('sla.holdSummary', { calendar: hold })}
        </Typography.Text>
      )}
    </Flex>
  );
}
