import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { WarningDetail } from '@qloop/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DetailFallback } from '../../components/detail-fallback';
import { useMe } from '../../api/session';
import { useWarning, useWarningRules } from '../../api/warnings';
import { formatDateTime } from '../../components/format';
import { RefreshButton } from '../../components/refresh-button';
import { allowedWarningActions, primaryWarningAction, type WarningActionKind } from './warning-actions';
import { WarningActionModal } from './warning-action-modal';
import { WarningEvidenceCard } from './warning-evidence';
import {
  LevelTag,
  Occurrences,
  PlanDue,
  useOwnerName,
  useWarningTitle,
  WarningStateTag,
} from './warning-tags';
import { WarningTicketsCard } from './warning-tickets';
import { WarningTimeline } from './warning-timeline';

/** 预警详情: the warning, why it was raised, the tickets behind it, the plan, its history, and the steps its state and the reader's role allow. */
export default function WarningPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { data: warning, error, isLoading, isFetching, refetch } = useWarning(id);

  if (!warning) {
    return (
      <DetailFallback
        loading={isLoading}
        error={error}
        notFoundTitle={t('warning.notFound')}
        backLabel={t('warning.back')}
        backTo="/warnings"
        refetch={refetch}
      />
    );
  }
  return <WarningView warning={warning} refetch={refetch} fetching={isFetching} />;
}

function WarningView({
  warning,
  refetch,
  fetching,
}: {
  warning: WarningDetail;
  refetch: () => Promise<unknown>;
  fetching: boolean;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const titleOf = useWarningTitle();
  const ownerOf = useOwnerName();
  const { data: rules } = useWarningRules();
  const rule = rules?.find((r) => r.id === warning.ruleId);
  const ruleName = i18n.language === 'en-US' && rule?.nameEn ? rule.nameEn : warning.ruleName;
  const [action, setAction] = useState<WarningActionKind | null>(null);
  const allowed = allowedWarningActions(warning.state, me.permissions);
  const primary = primaryWarningAction(warning.state, allowed);
  const readOnly = !me.permissions.includes('warnings:handle') && !me.permissions.includes('warnings:manage');
  const d = (label: string, value: ReactNode) => ({ key: label, label, children: value });

  return (
    <>
      <Link to="/warnings" className="qloop-back-link">
        <ArrowLeftOutlined /> {t('warning.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ margin: '8px 0 16px' }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <LevelTag level={warning.level} testId="warning-level" />
            <WarningStateTag state={warning.state} testId="warning-state" />
            <Occurrences count={warning.occurrences} />
            <Typography.Text
              type="secondary"
              data-testid="warning-no"
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {warning.warningNo}
            </Typography.Text>
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 0' }} data-testid="page-title">
            {titleOf(warning)}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {t(`warningKind.${warning.kind}`)} · {ownerOf(warning)} ·{' '}
            {t('warning.raisedOn', { at: formatDateTime(warning.raisedAt) })}
          </Typography.Text>
        </div>
        <Flex
          gap={8}
          wrap
          justify="flex-end"
          style={{ flexShrink: 0, maxWidth: 560 }}
          data-testid="warning-actions"
        >
          <RefreshButton refetch={refetch} fetching={fetching} />
          {allowed.map((a) => (
            <Button
              key={a}
              type={a === primary ? 'primary' : 'default'}
              danger={a === 'close' && warning.state !== 'verified'}
              onClick={() => setAction(a)}
              data-testid={`warning-action-${a}`}
            >
              {t(`warningAction.${a}`)}
            </Button>
          ))}
        </Flex>
      </Flex>

      {warning.planOverdue && (
        <Alert
          type="error"
          showIcon
          title={t('warning.overdueBanner', { at: formatDateTime(warning.planDueAt) })}
          description={
            warning.escalationLevel > 0
              ? t(warning.escalationLevel >= 2 ? 'warning.escalated_2' : 'warning.escalated_1')
              : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="warning-overdue-banner"
        />
      )}

      <Row gutter={16}>
        <Col span={16}>
          <WarningEvidenceCard warning={warning} />
          <Card
            title={t('warning.plan')}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="warning-plan"
          >
            {warning.plan ? (
              <>
                <Descriptions
                  column={2}
                  size="small"
                  styles={{ label: { width: 96 } }}
                  items={[
                    d(t('warning.responsible'), warning.plan.responsible),
                    d(
                      t('warning.dueDate'),
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{warning.plan.dueDate}</span>,
                    ),
                  ]}
                />
                <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
                  {t('warning.measures')}
                </Typography.Text>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                  data-testid="warning-plan-measures"
                >
                  {warning.plan.measures}
                </Typography.Paragraph>
              </>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                style={{ margin: '8px 0' }}
                description={
                  warning.state === 'closed'
                    ? t('warning.noPlanClosed')
                    : t('warning.noPlan', { at: formatDateTime(warning.planDueAt) })
                }
              />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t('warning.basics')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: i18n.language === 'en-US' ? 124 : 104 } }}
              items={[
                d(t('warning.level'), <LevelTag level={warning.level} />),
                d(t('warning.state'), <WarningStateTag state={warning.state} />),
                d(t('warning.owner'), ownerOf(warning)),
                d(t('warning.rule'), ruleName),
                d(t('warning.raisedAt'), formatDateTime(warning.raisedAt)),
                ...(warning.occurrences > 1
                  ? [
                      d(
                        t('warning.lastSeenAt'),
                        `${formatDateTime(warning.lastSeenAt)} · ×${warning.occurrences}`,
                      ),
                    ]
                  : []),
                d(t('warning.planDue'), <PlanDue warning={warning} />),
                ...(warning.acknowledgedAt
                  ? [d(t('warning.acknowledgedAt'), formatDateTime(warning.acknowledgedAt))]
                  : []),
                ...(warning.planSubmittedAt
                  ? [d(t('warning.planSubmittedAt'), formatDateTime(warning.planSubmittedAt))]
                  : []),
                ...(warning.verifiedAt
                  ? [d(t('warning.verifiedAt'), formatDateTime(warning.verifiedAt))]
                  : []),
                ...(warning.closedAt ? [d(t('warning.closedAt'), formatDateTime(warning.closedAt))] : []),
                ...(warning.closeReason ? [d(t('warning.closeReason'), warning.closeReason)] : []),
              ]}
            />
          </Card>
          <Card
            title={t('warning.timeline')}
            size="small"
            extra={
              <Typography.Text type="secondary">
                {t('ticket.eventCount', { count: warning.events.length })}
              </Typography.Text>
            }
          >
            <div style={{ padding: '12px 4px 0' }}>
              <WarningTimeline warning={warning} />
            </div>
          </Card>
          {readOnly && <Alert type="info" showIcon title={t('warning.readOnly')} style={{ marginTop: 16 }} />}
        </Col>
      </Row>
      <WarningTicketsCard warning={warning} />
      <WarningActionModal
        warning={warning}
        action={action}
        onClose={() => setAction(null)}
        reload={refetch}
      />
    </>
  );
}
