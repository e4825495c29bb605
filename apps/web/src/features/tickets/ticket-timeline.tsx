import { Flex, Tag, Timeline, Typography } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  AlertOutlined,
  FileAddOutlined,
  LockOutlined,
  PhoneOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Channel, Outcome, PendingReason, SlaAlertData, TicketAction, TicketState, type TicketDetail } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../components/format';
import { shortName, useChannelLabel } from './ticket-tags';

type EventData = {
  channel?: unknown;
  to?: unknown;
  pendingReason?: unknown;
  outcome?: unknown;
  confirmation?: { channel?: unknown; at?: unknown; evidence?: unknown } | null;
  followUpResult?: unknown;
  survivor?: unknown;
  mergedNo?: unknown;
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The ticket's history, oldest first: who did what when, the state it moved between, and the text
 * that went with it. Customer-visible entries (replies, answers, call records) are blue with a
 * "对客可见" mark; internal ones are grey.
 */
export function TicketTimeline({ ticket, names }: { ticket: TicketDetail; names: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const channelLabel = useChannelLabel();

  const items = ticket.events.map((e) => {
    const d = (e.data ?? {}) as EventData;
    const pub = e.visibility === 'public';
    const claim = e.action === 'assign' && str(d.to) === e.actorId;
    const action = TicketAction.safeParse(e.action);

    const details: string[] = [];
    let label: string;
    let icon: ReactNode = undefined;
    let color = pub ? 'blue' : 'gray';
    if (e.kind === 'created') {
      label = t('ticketAction.created');
      icon = <FileAddOutlined />;
      color = 'green';
    } else if (e.kind === 'sla') {
      // fired by the SLA sweep: warning (orange), breach and escalation (red); whom it told is in the details
      const sla = SlaAlertData.safeParse(e.data);
      label = sla.success ? t(`slaClock.stage_${sla.data.stageKind}`, { level: sla.data.level ?? '' }) : t('slaClock.stage_warning', { level: '' });
      icon = <AlertOutlined />;
      color = sla.success && sla.data.stageKind === 'warning' ? 'orange' : 'red';
      if (sla.success && sla.data.notified.length) {
        const who = sla.data.notifiedNames ?? sla.data.notified.map((id) => names(id) ?? '—');
        details.push(t('slaClock.notified', { names: who.map(shortName).join('、') }));
      }
    } else if (e.kind === 'note') {
      if (e.action === 'public_reply' || e.action === 'internal_note' || e.action === 'call_record') {
        label = t(`noteKind.${e.action}`);
        icon = e.action === 'call_record' ? <PhoneOutlined /> : e.action === 'internal_note' ? <LockOutlined /> : <CommentOutlined />;
      } else if (e.action === 'merge') {
        label = t('ticketAction.merge');
        icon = <SwapOutlined />;
      } else label = e.action ?? '';
    } else {
      label = claim ? t('ticketAction.claim') : action.success ? t(`ticketAction.${action.data}`) : (e.action ?? '');
      if (e.action === 'close') {
        icon = <CheckCircleOutlined />;
        color = 'green';
      } else if (e.action === 'pend') {
        icon = <ClockCircleOutlined />;
        color = 'orange';
      } else if (e.action === 'cancel') color = 'red';
    }

    const from = TicketState.safeParse(e.fromState);
    const to = TicketState.safeParse(e.toState);
    const ch = Channel.safeParse(d.channel);
    if (e.kind === 'created' && ch.success) details.push(`${t('ticket.channel')}：${t(`channel.${ch.data}`)}`);
    const assignee = str(d.to);
    if (assignee && !claim) details.push(t('ticket.assignedTo', { name: names(assignee) ?? '—' }));
    const pr = PendingReason.safeParse(d.pendingReason);
    if (pr.success) details.push(`${t('ticket.pendingReasonLabel')}：${t(`pendingReason.${pr.data}`)}`);
    const oc = Outcome.safeParse(d.outcome);
    if (oc.success) details.push(`${t('ticket.outcome')}：${t(`outcome.${oc.data}`)}`);
    if (str(d.survivor)) details.push(t('ticket.survivorNo', { no: str(d.survivor) }));
    const conf = d.confirmation;
    const confChannel = conf ? str(conf.channel) : undefined;

    return {
      key: e.id,
      color,
      icon,
      content: (
        <div className="qloop-tl-item" data-testid="timeline-item">
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong>{label}</Typography.Text>
            {from.success && to.success && from.data !== to.data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`ticketState.${from.data}`)} → {t(`ticketState.${to.data}`)}
              </Typography.Text>
            )}
            {e.kind === 'created' && to.success && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                → {t(`ticketState.${to.data}`)}
              </Typography.Text>
            )}
            {pub ? (
              <Tag color="blue" bordered={false} style={{ fontSize: 11, lineHeight: '18px', marginInlineEnd: 0 }}>
                {t('ticket.public')}
              </Tag>
            ) : (
              e.kind === 'note' && (
                <Tag bordered={false} style={{ fontSize: 11, lineHeight: '18px', marginInlineEnd: 0 }}>
                  {t('ticket.internal')}
                </Tag>
              )
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
              {e.actorName ? shortName(e.actorName) : t('ticket.system')} · {formatDateTimeSeconds(e.at)}
            </Typography.Text>
          </Flex>
          {details.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', marginTop: 2 }}>
              {details.join('；')}
            </Typography.Text>
          )}
          {e.body && <div className={pub ? 'qloop-tl-body qloop-tl-public' : 'qloop-tl-body'}>{e.body}</div>}
          {conf && (
            <div className="qloop-tl-body">
              {t('ticket.confirmation')}：{confChannel ? channelLabel(confChannel) : '—'}
              {str(conf.at) ? ` · ${formatDateTimeSeconds(str(conf.at))}` : ''}
              {str(conf.evidence) ? ` · ${str(conf.evidence)}` : ''}
            </div>
          )}
          {str(d.followUpResult) && (
            <div className="qloop-tl-body">
              {t('ticket.followUpResult')}：{str(d.followUpResult)}
            </div>
          )}
        </div>
      ),
    };
  });

  return <Timeline items={items} data-testid="ticket-timeline" />;
}

