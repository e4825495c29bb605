import { Card, Table, Typography } from 'antd';
import type { TicketSummary, WarningDetail } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarningTickets } from '../../api/warnings';
import { formatDateTime } from '../../components/format';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { TicketNoLink, TicketTitleCell } from '../tickets/ticket-links';
import { PriorityText, StateTag } from '../tickets/ticket-tags';

const PAGE_SIZE = 10;

/**
 * The tickets behind a warning (GET /warnings/{id}/tickets): those recorded for a batch or a group
 * complaint; for threshold and rise warnings the tickets their indicator counted over the evidence's
 * period for the owner unit (the dashboard's drill-down list), which the caption says.
 */
export function WarningTicketsCard({ warning }: { warning: WarningDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const unitNameOf = useOrgUnitNameOf();
  const [page, setPage] = useState(1);
  const shown = useWarningTickets(warning.id, { page, pageSize: PAGE_SIZE });
  const traced = warning.kind === 'threshold' || warning.kind === 'rise';

  return (
    <Card
      title={t('warning.tickets')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        shown.data ? (
          <Typography.Text type="secondary">{t('common.total', { total: shown.data.total })}</Typography.Text>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
      data-testid="warning-tickets"
    >
      {traced && (
        <Typography.Paragraph type="secondary" style={{ margin: '10px 16px 0', fontSize: 13 }}>
          {t('warning.ticketsByIndicator')}
        </Typography.Paragraph>
      )}
      <Table<TicketSummary>
        rowKey="id"
        size="small"
        loading={shown.isFetching}
        dataSource={shown.data?.items ?? []}
        locale={{ emptyText: t('warning.noTickets') }}
        pagination={
          (shown.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: shown.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                size: 'small',
              }
            : false
        }
        columns={[
          {
            title: t('ticket.no'),
            dataIndex: 'no',
            width: 150,
            render: (_no: string, r) => <TicketNoLink ticket={r} />,
          },
          {
            title: t('ticket.title'),
            dataIndex: 'title',
            render: (_title: string, r) => <TicketTitleCell ticket={r} />,
          },
          {
            title: t('ticket.type'),
            dataIndex: 'type',
            width: en ? 124 : 80,
            render: (v: TicketSummary['type']) => t(`ticketType.${v}`),
          },
          {
            title: t('ticket.state'),
            dataIndex: 'state',
            width: en ? 100 : 84,
            render: (s: TicketSummary['state']) => <StateTag state={s} />,
          },
          {
            title: t('ticket.priority'),
            dataIndex: 'priority',
            width: en ? 84 : 68,
            render: (p: TicketSummary['priority']) => <PriorityText priority={p} />,
          },
          {
            title: t('ticket.orgUnit'),
            dataIndex: 'orgUnitId',
            width: 130,
            ellipsis: true,
            render: (id: string, r) => unitNameOf(id) ?? r.orgUnitName,
          },
          {
            title: t('ticket.createdAt'),
            dataIndex: 'createdAt',
            width: 136,
            render: (v: string) => (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
