import { Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import type { TicketClock, TicketDetail } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useFormatMinutes } from '../../components/duration';
import { isOverdue, slaColor } from './sla-countdown';

const STATUS_COLOR: Record<TicketClock['status'], string> = { running: 'blue', paused: 'default', met: 'green', breached: 'red', cancelled: 'default' };
const BAR: Record<string, string> = { green: '#52c41a', gold: '#faad14', orange: '#fa8c16', volcano: '#fa541c', red: '#f5222d', default: '#bfbfbf' };

/**
 * Every SLA clock of the ticket, each cycle (a reopen starts a new resolution cycle): its target,
 * the business minutes used, the deadline and how it ended. Live clocks show a bar coloured like
 * the list's countdown.
 */
export function TicketClocksCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const minutes = useFormatMinutes();
  const clocks = ticket.clocks ?? [];
  return (
    <Card title={t('slaClock.title')} size="small" style={{ marginTop: 16 }} data-testid="ticket-clocks">
      {clocks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('slaClock.none')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={12}>
          {clocks.map((c) => {
            const live = c.status === 'running' || c.status === 'paused';
            const left = c.targetMinutes - c.elapsedMinutes;
            const countable = { ...c, leftMinutes: left, status: c.status === 'paused' ? ('paused' as const) : ('running' as const) };
            const color = live ? slaColor(countable) : 'default';
            // running past its deadline: overdue now, though not yet satisfied (late) or breached on record
            const overdue = c.status === 'running' && isOverdue(countable);
            return (
              <div key={`${c.kind}-${c.cycle}`} data-testid={`clock-${c.kind}-${c.cycle}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>
                    {t(`sla.clock_${c.kind}`)}
                    {c.cycle > 1 && <Typography.Text type="secondary"> · {t('slaClock.cycle', { n: c.cycle })}</Typography.Text>}
                  </Typography.Text>
                  <Tag color={overdue ? 'red' : STATUS_COLOR[c.status]} bordered={false} style={{ marginInlineEnd: 0 }}>
                    {overdue ? `${t('slaClock.status_overdue')}${left < 0 ? ` ${minutes(-left)}` : ''}` : t(`slaClock.status_${c.status}`)}
                  </Tag>
                </Flex>
                {live && (
                  <Progress
                    percent={Math.min(100, c.targetMinutes ? Math.round((c.elapsedMinutes / c.targetMinutes) * 100) : 100)}
                    strokeColor={BAR[color]}
                    size="small"
                    showInfo={false}
                  />
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('slaClock.used', { elapsed: minutes(c.elapsedMinutes), target: minutes(c.targetMinutes) })}
                  {c.status === 'running' && c.deadline && ` · ${t('slaClock.deadline', { at: formatDateTime(c.deadline) })}`}
                  {c.status === 'paused' && c.pausedSince && ` · ${t('slaClock.pausedSince', { at: formatDateTime(c.pausedSince) })}`}
                  {c.metAt && ` · ${t('slaClock.metAt', { at: formatDateTime(c.metAt) })}`}
                </Typography.Text>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
