import { Alert, Table, Tag, Typography } from 'antd';
import type { SlaClockChange, SlaImpact } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatMinutes } from '../../components/duration';
import { formatDateTime } from '../../components/format';

/** From → to, the old value struck through when it changes. */
function Change({ from, to }: { from: string; to: string }) {
  if (from === to) return <>{to}</>;
  return (
    <>
      <Typography.Text type="secondary" delete>
        {from}
      </Typography.Text>
      {' → '}
      <Typography.Text strong>{to}</Typography.Text>
    </>
  );
}

/**
 * What saving would do to open tickets: how many tickets and clocks change, and the first changes
 * with old and new deadlines (a ticket number opens the ticket in a new tab, keeping the editor).
 */
export function ImpactPreview({ impact }: { impact: SlaImpact }) {
  const { t } = useTranslation();
  const minutes = useFormatMinutes();
  const none = t('common.none');
  return (
    <div data-testid="impact-preview">
      <Alert
        type={impact.count ? 'warning' : 'success'}
        showIcon
        title={<span data-testid="impact-summary">{impact.count ? t('sla.impactSome', { tickets: impact.tickets, count: impact.count }) : t('sla.impactNone')}</span>}
        description={
          <>
            {impact.truncated ? t('sla.impactTruncated', { scanned: impact.scanned }) : t('sla.impactScanned', { scanned: impact.scanned })}
            {impact.count > impact.items.length && ` ${t('sla.impactListed', { shown: impact.items.length, count: impact.count })}`}
          </>
        }
        style={{ marginBottom: 16 }}
      />
      {impact.items.length > 0 && (
        <Table<SlaClockChange>
          size="small"
          rowKey={(c) => `${c.ticketId}-${c.kind}-${c.cycle}`}
          dataSource={impact.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="impact-table"
          columns={[
            {
              title: t('sla.impactNo'),
              dataIndex: 'no',
              render: (no: string, c) => (
                <Link to={`/tickets/${c.ticketId}`} target="_blank" rel="noreferrer">
                  {no}
                </Link>
              ),
            },
            { title: t('sla.impactClock'), dataIndex: 'kind', render: (k: SlaClockChange['kind']) => t(`sla.clock_${k}`) },
            {
              title: t('sla.impactTarget'),
              key: 'target',
              // a cancelled clock (the policy now has no such target) says so instead of a new target
              render: (_, c) =>
                c.change === 'cancel' ? (
                  <Tag>{t('sla.change_cancel')}</Tag>
                ) : (
                  <Change from={minutes(c.oldTargetMinutes)} to={c.newTargetMinutes === null ? none : minutes(c.newTargetMinutes)} />
                ),
            },
            { title: t('sla.impactElapsed'), dataIndex: 'elapsedMinutes', render: (m: number) => minutes(m) },
            {
              title: `${t('sla.impactOldDeadline')} → ${t('sla.impactNewDeadline')}`,
              key: 'deadline',
              render: (_, c) => <Change from={formatDateTime(c.oldDeadline)} to={c.newDeadline ? formatDateTime(c.newDeadline) : none} />,
            },
          ]}
        />
      )}
    </div>
  );
}
