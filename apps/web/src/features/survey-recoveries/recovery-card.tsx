import { Alert, Card, Descriptions, Divider, Typography } from 'antd';
import { CustomerServiceOutlined } from '@ant-design/icons';
import type { TicketDetail } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useTicketRecovery } from '../../api/survey-recoveries';
import { formatDateTime } from '../../components/format';
import { useCan } from '../../components/require-permission';
import { AnswerList, RecoveryStatusTag, ScoreTags } from './recovery-parts';
import { RecoveryOutcomeForm, RecoveryOutcomeResult } from './recovery-outcome';

/** The states in which the loop can be closed (the server refuses the outcome before). */
const DONE = ['closed', 'archived'];

/**
 * 服务补救 on the ticket page, for a ticket a low survey score opened (nothing for any other
 * ticket): the scores and why they count as low, the survey and the customer's answers, the ticket
 * the answer was about, and — once the ticket is closed — whether the customer was won back.
 */
export function RecoveryCard({ ticket }: { ticket: Pick<TicketDetail, 'id' | 'state'> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const can = useCan();
  const { data: recovery } = useTicketRecovery(ticket.id);
  if (!recovery) return null;

  const closed = DONE.includes(ticket.state);
  const d = (label: string, value: ReactNode) => ({ key: label, label, children: value });
  return (
    <Card
      title={
        <span>
          <CustomerServiceOutlined style={{ marginInlineEnd: 8, color: '#fa541c' }} />
          {t('surveyRecovery.title')}
        </span>
      }
      extra={<RecoveryStatusTag recovery={recovery} />}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="recovery-card"
    >
      <Descriptions
        column={2}
        size="small"
        styles={{ label: { width: en ? 104 : 72 } }}
        items={[
          d(t('surveyRecovery.lowScore'), <ScoreTags recovery={recovery} />),
          d(t('surveyRecovery.reason'), <span data-testid="recovery-reason">{recovery.reason}</span>),
          {
            // the name and code are the longest value: a row of their own keeps the two columns even
            ...d(
              t('surveyRecovery.survey'),
              <span>
                {en ? recovery.surveyNameEn : recovery.surveyNameZh}
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {recovery.surveyCode}
                </Typography.Text>
              </span>,
            ),
            span: 2,
          },
          d(
            t('surveyRecovery.originTicket'),
            recovery.originTicketId ? (
              <Link
                to={`/tickets/${recovery.originTicketId}`}
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                data-testid="recovery-origin"
              >
                {recovery.originTicketNo}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('surveyRecovery.noOrigin')}</Typography.Text>
            ),
          ),
          d(
            t('surveyRecovery.answeredAt'),
            <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatDateTime(recovery.createdAt)}
            </span>,
          ),
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>
        {t('surveyRecovery.answers')}
      </Typography.Text>
      <AnswerList answers={recovery.answers} />
      <Divider style={{ margin: '16px 0 12px' }} />
      {recovery.recovered !== null ? (
        <RecoveryOutcomeResult recovery={recovery} />
      ) : !closed ? (
        <Alert
          type="info"
          showIcon
          title={t('surveyRecovery.closeFirst')}
          data-testid="recovery-close-first"
        />
      ) : can('tickets:handle') ? (
        <RecoveryOutcomeForm recovery={recovery} />
      ) : (
        <Typography.Text type="secondary">{t('surveyRecovery.awaiting')}</Typography.Text>
      )}
    </Card>
  );
}
