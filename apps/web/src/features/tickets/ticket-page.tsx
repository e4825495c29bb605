import { Alert, Button, Card, Col, Descriptions, Dropdown, Empty, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownOutlined, LinkOutlined } from '@ant-design/icons';
import { OPEN_STATES, type TicketAction, type TicketDetail } from '@qloop/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { useAssignees, useTicket } from '../../api/tickets';
import { formatDateTime } from '../../components/format';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { RefreshButton } from '../../components/refresh-button';
import { RecoveryCard } from '../survey-recoveries/recovery-card';
import { useCan } from '../../components/require-permission';
import { useCategoryTree } from './categories';
import { CustomerPanel } from './customer-panel';
import { SlaCountdown } from './sla-countdown';
import { TicketClocksCard } from './ticket-clocks-card';
import { NoteBox } from './note-box';
import { TicketActionModal, useIsClaim } from './ticket-action-modal';
import { PriorityText, StateTag, TicketFlags, useChannelLabel } from './ticket-tags';
import { TicketTimeline } from './ticket-timeline';

/** Buttons in this order; the rarer, final ones go under "更多". */
const MAIN_ACTIONS: readonly TicketAction[] = ['assign', 'start', 'pend', 'resume', 'transfer', 'answer', 'follow_up', 'close', 'reopen', 'archive'];
const MORE_ACTIONS: readonly TicketAction[] = ['merge', 'cancel'];
/** The usual next step is the primary button. */
const NEXT_STEP: readonly TicketAction[] = ['start', 'answer', 'close', 'resume', 'follow_up', 'archive'];

/** 工单详情: header, details, timeline with the note box, customer panel, related tickets, and the actions the state allows. */
export default function TicketPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: ticket, error, isLoading, isFetching, refetch } = useTicket(id);
  const created = (location.state as { created?: string } | null)?.created;

  if (isLoading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!ticket) {
    const missing = error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED');
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('ticket.notFound') : t('common.loadFailed')}
        extra={
          <Space>
            <Button onClick={() => navigate('/tickets')}>{t('ticket.back')}</Button>
            {!missing && (
              <Button type="primary" onClick={() => void refetch()}>
                {t('common.retry')}
              </Button>
            )}
          </Space>
        }
      />
    );
  }
  return <TicketView ticket={ticket} created={created} refetch={refetch} fetching={isFetching} />;
}

function TicketView({
  ticket,
  created,
  refetch,
  fetching,
}: {
  ticket: TicketDetail;
  created?: string;
  refetch: () => Promise<unknown>;
  fetching: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const isClaim = useIsClaim();
  const categories = useCategoryTree();
  const unitNameOf = useOrgUnitNameOf();
  const [action, setAction] = useState<TicketAction | null>(null);
  const channelLabel = useChannelLabel();
  const { data: assignees } = useAssignees('', undefined, can('tickets:handle'));

  // names for the user ids in the timeline (an assignment's "to")
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of assignees ?? []) m.set(a.id, a.displayName);
    for (const e of ticket.events) if (e.actorId && e.actorName) m.set(e.actorId, e.actorName);
    m.set(ticket.firstOwnerId, ticket.firstOwnerName);
    if (ticket.assigneeId && ticket.assigneeName) m.set(ticket.assigneeId, ticket.assigneeName);
    return (uid: string) => m.get(uid);
  }, [assignees, ticket]);

  const allowed = ticket.allowedActions.filter(
    // claiming a ticket one already holds means nothing
    (a) => !(isClaim(a) && ticket.assigneeId === me.id),
  );
  const primary = NEXT_STEP.find((a) => allowed.includes(a)) ?? (allowed.includes('assign') && !ticket.assigneeId ? 'assign' : undefined);
  const actionLabel = (a: TicketAction) => t(isClaim(a) ? 'ticketAction.claim' : `ticketAction.${a}`);
  const main = MAIN_ACTIONS.filter((a) => allowed.includes(a));
  const more = MORE_ACTIONS.filter((a) => allowed.includes(a));
  const open = OPEN_STATES.includes(ticket.state);

  const d = (label: string, value: ReactNode) => <Descriptions.Item label={label}>{value}</Descriptions.Item>;
  const conf = ticket.confirmation as { channel?: string; at?: string; evidence?: string } | null;

  return (
    <>
      <Link to="/tickets" className="qloop-back-link">
        <ArrowLeftOutlined /> {t('ticket.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ margin: '8px 0 16px' }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={10} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
              {ticket.title}
            </Typography.Title>
            <StateTag state={ticket.state} pendingReason={ticket.pendingReason} />
            <TicketFlags ticket={ticket} />
            <SlaCountdown sla={ticket.sla} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            <span data-testid="ticket-no" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {ticket.no}
            </span>
            {' · '}
            {t(`ticketType.${ticket.type}`)} · {t(`channel.${ticket.channel}`)} · {formatDateTime(ticket.createdAt)}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap justify="flex-end" style={{ flexShrink: 0, maxWidth: 560 }} data-testid="ticket-actions">
          <RefreshButton refetch={refetch} fetching={fetching} />
          {main.map((a) => (
            <Button key={a} type={a === primary ? 'primary' : 'default'} onClick={() => setAction(a)} data-testid={`action-${a}`}>
              {actionLabel(a)}
            </Button>
          ))}
          {more.length > 0 && (
            <Dropdown
              menu={{
                items: more.map((a) => ({
                  key: a,
                  danger: a === 'cancel',
                  label: <span data-testid={`action-${a}`}>{actionLabel(a)}</span>,
                })),
                onClick: ({ key }) => setAction(key as TicketAction),
              }}
            >
              <Button data-testid="action-more">
                {t('ticket.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Flex>
      </Flex>

      {created && ticket.events.length === 1 && (
        <Alert
          type="success"
          showIcon
          closable
          title={t('ticket.createdBanner', { no: created })}
          style={{ marginBottom: 16 }}
          data-testid="created-banner"
        />
      )}

      <Row gutter={16}>
        <Col span={16}>
          <RecoveryCard ticket={ticket} />
          <Card title={t('ticket.basics')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" styles={{ label: { width: 96 } }}>
              {d(t('ticket.no'), <span style={{ fontVariantNumeric: 'tabular-nums' }}>{ticket.no}</span>)}
              {d(t('ticket.state'), <StateTag state={ticket.state} pendingReason={ticket.pendingReason} />)}
              {d(t('ticket.type'), t(`ticketType.${ticket.type}`))}
              {d(t('ticket.priority'), <PriorityText priority={ticket.priority} />)}
              {d(t('ticket.category'), categories.path(ticket.categoryId) ?? ticket.categoryName)}
              {d(t('ticket.channel'), t(`channel.${ticket.channel}`))}
              {d(t('ticket.orgUnit'), unitNameOf(ticket.orgUnitId) ?? ticket.orgUnitName)}
              {d(t('ticket.firstOwner'), ticket.firstOwnerName)}
              {d(
                t('ticket.assignee'),
                ticket.assigneeName ?? <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>,
              )}
              {d(t('ticket.createdAt'), formatDateTime(ticket.createdAt))}
              {d(t('ticket.answeredAt'), formatDateTime(ticket.answeredAt))}
              {d(t('ticket.closedAt'), formatDateTime(ticket.closedAt))}
              {ticket.outcome && d(t('ticket.outcome'), <Tag color="green">{t(`outcome.${ticket.outcome}`)}</Tag>)}
              {ticket.escalated && d(t('ticket.escalationSource'), ticket.escalationSource ?? '—')}
              {ticket.type === 'business' && d(t('ticket.changesService'), ticket.changesService ? t('common.yes') : t('common.no'))}
              {(ticket.transferCount > 0 || ticket.reopenCount > 0) &&
                d(`${t('ticket.transferCount')} / ${t('ticket.reopenCount')}`, `${ticket.transferCount} / ${ticket.reopenCount}`)}
              {conf?.evidence &&
                d(t('ticket.confirmation'), `${conf.channel ? channelLabel(conf.channel) : ''} · ${formatDateTime(conf.at)} · ${conf.evidence}`)}
              {ticket.followUpResult && d(t('ticket.followUpResult'), ticket.followUpResult)}
            </Descriptions>
            <div className="qloop-description">
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                {t('ticket.description')}
              </Typography.Text>
              {ticket.description ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="ticket-description">
                  {ticket.description}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('ticket.noDescription')}</Typography.Text>
              )}
            </div>
          </Card>
          <Card
            title={t('ticket.timeline')}
            size="small"
            extra={<Typography.Text type="secondary">{t('ticket.eventCount', { count: ticket.events.length })}</Typography.Text>}
          >
            <div style={{ padding: '12px 4px 0' }}>
              <TicketTimeline ticket={ticket} names={names} />
            </div>
            {open && can('tickets:handle') && <NoteBox ticket={ticket} reload={refetch} />}
          </Card>
        </Col>
        <Col span={8}>
          <CustomerPanel customer={ticket.customer} />
          <TicketClocksCard ticket={ticket} />
          <Card
            title={
              <span>
                <LinkOutlined style={{ marginInlineEnd: 8, color: '#1677ff' }} />
                {t('ticket.related')}
              </span>
            }
            size="small"
            style={{ marginTop: 16 }}
            data-testid="related-tickets"
          >
            {ticket.related.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noRelated')} style={{ margin: '8px 0' }} />
            ) : (
              <Flex vertical gap={10}>
                {ticket.related.map((r) => (
                  <div key={r.id}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Tag color={r.relation.startsWith('repeat') ? 'orange' : 'blue'} bordered={false}>
                        {t(`ticketRelation.${r.relation}`)}
                      </Tag>
                      <StateTag state={r.state} />
                    </Flex>
                    <Link to={`/tickets/${r.id}`} style={{ display: 'block', marginTop: 4 }}>
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.no}</span>
                    </Link>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: r.title }} style={{ fontSize: 12, maxWidth: '100%' }}>
                      {r.title}
                    </Typography.Text>
                  </div>
                ))}
              </Flex>
            )}
          </Card>
          {!can('tickets:handle') && (
            <Alert type="info" showIcon title={t('ticket.readOnly')} style={{ marginTop: 16 }} />
          )}
        </Col>
      </Row>
      <TicketActionModal ticket={ticket} action={action} onClose={() => setAction(null)} reload={refetch} />
    </>
  );
}
