import { Flex, Timeline, Typography } from 'antd';
import {
  AlertOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  FileDoneOutlined,
  MergeCellsOutlined,
  RiseOutlined,
  RollbackOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { WarningLevel, type WarningDetail, type WarningEvent } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDateTimeSeconds } from '../../components/format';
import { shortName } from '../tickets/ticket-tags';

const LOOK: Record<WarningEvent['kind'], { color: string; icon: ReactNode }> = {
  raised: { color: 'red', icon: <AlertOutlined /> },
  merged: { color: 'gray', icon: <MergeCellsOutlined /> },
  upgraded: { color: 'orange', icon: <RiseOutlined /> },
  acknowledged: { color: 'blue', icon: <CheckOutlined /> },
  plan_submitted: { color: 'purple', icon: <FileDoneOutlined /> },
  plan_rejected: { color: 'orange', icon: <RollbackOutlined /> },
  verified: { color: 'green', icon: <CheckCircleOutlined /> },
  closed: { color: 'gray', icon: <StopOutlined /> },
  escalated: { color: 'red', icon: <WarningOutlined /> },
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * What happened to the warning, oldest first: raised, found again (merged), raised a level,
 * acknowledged, plan submitted / rejected, verified, closed, escalated for a late plan — who, when,
 * and the note that went with it.
 */
export function WarningTimeline({ warning }: { warning: WarningDetail }) {
  const { t } = useTranslation();

  const items = warning.events.map((e) => {
    const d = e.data ?? {};
    const details: string[] = [];
    const from = WarningLevel.safeParse(d.from ?? d.fromLevel);
    const to = WarningLevel.safeParse(d.to ?? d.toLevel ?? d.level);
    if (e.kind === 'upgraded' && from.success && to.success)
      details.push(`${t(`warningLevel.${from.data}`)} → ${t(`warningLevel.${to.data}`)}`);
    else if (e.kind === 'raised' && to.success) details.push(t(`warningLevel.${to.data}`));
    const esc = num(d.escalationLevel) ?? num(d.level);
    if (e.kind === 'escalated' && esc)
      details.push(t(esc >= 2 ? 'warning.escalated_2' : 'warning.escalated_1'));
    const occ = num(d.occurrences);
    if (e.kind === 'merged' && occ) details.push(t('warning.occurrenceN', { count: occ }));
    const plan = (d.plan ?? null) as { responsible?: unknown; dueDate?: unknown } | null;
    if (e.kind === 'plan_submitted' && plan && str(plan.responsible)) {
      details.push(
        t('warning.labelValue', { label: t('warning.responsible'), value: str(plan.responsible) }),
        t('warning.labelValue', { label: t('warning.dueDate'), value: str(plan.dueDate) ?? '—' }),
      );
    }
    const due = str(d.planDueAt);
    if (due) details.push(t('warning.planDueAt', { at: formatDateTime(due) }));

    return {
      key: e.id,
      color: LOOK[e.kind].color,
      icon: LOOK[e.kind].icon,
      content: (
        <div className="qloop-tl-item" data-testid={`warning-event-${e.kind}`}>
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong>{t(`warningEvent.${e.kind}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
              {e.actorName ? shortName(e.actorName) : t('ticket.system')} · {formatDateTimeSeconds(e.at)}
            </Typography.Text>
          </Flex>
          {details.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', marginTop: 2 }}>
              {details.join(t('warning.detailSep'))}
            </Typography.Text>
          )}
          {e.note && <div className="qloop-tl-body">{e.note}</div>}
        </div>
      ),
    };
  });

  return <Timeline items={items} data-testid="warning-timeline" />;
}
