import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { AUDIT_ACTIONS, LIMITS, type AuditAction, type AuditEntry } from '@qloop/contracts';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, type AuditFilters } from '../../api/audit';
import { formatDateTimeSeconds } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { useServerPagedTable } from '../../components/server-paged-table';
import { ActorSelect } from './actor-select';
import { AuditEntryDetail } from './audit-entry-detail';
import { VerifyChainButton } from './verify-chain-button';

const ACTION_COLORS: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  view_pii: 'purple',
  login_failed: 'orange',
  lockout: 'volcano',
  token_create: 'cyan',
  token_revoke: 'magenta',
  import: 'geekblue',
};

const initial: AuditFilters = { page: 1, pageSize: LIMITS.pageSizeDefault };

/** 审计日志: the tamper-evident log; each row opens its before/after snapshots and hash link. */
export default function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const paged = useServerPagedTable(initial);
  const { filters, patch } = paged;
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const { data, isFetching, refetch } = useAudit(filters);
  const unitNameOf = useOrgUnitNameOf();

  // text filters apply on Enter or blur, and only when they changed (blur fires often)
  const applyText = (key: 'entityType' | 'entityId', raw: string) => {
    const v = raw.trim() || undefined;
    if (v !== filters[key]) patch({ [key]: v });
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            {can('audit:verify') && <VerifyChainButton />}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }}>
          <ActorSelect value={filters.actorId} onChange={(actorId) => patch({ actorId })} />
          <Select<AuditAction>
            allowClear
            style={{ width: 130 }}
            placeholder={t('audit.action')}
            value={filters.action}
            onChange={(action) => patch({ action })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
          />
          <Input
            allowClear
            style={{ width: 120 }}
            placeholder={t('audit.entityType')}
            value={entityType}
            onChange={(e) => setEntityType(e.target.value)}
            onPressEnter={() => applyText('entityType', entityType)}
            onBlur={() => applyText('entityType', entityType)}
          />
          <Input
            allowClear
            style={{ width: 140 }}
            placeholder={t('audit.entityId')}
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
            onPressEnter={() => applyText('entityId', entityId)}
            onBlur={() => applyText('entityId', entityId)}
          />
          <DatePicker.RangePicker
            style={{ width: 290 }}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            value={range}
            onChange={(v) => {
              setRange(v);
              patch({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() });
            }}
          />
          <Button
            onClick={() => {
              setRange(null);
              setEntityType('');
              setEntityId('');
              paged.reset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          {...paged.tableProps<AuditEntry>(data?.total)}
          expandable={{ expandedRowRender: (e) => <AuditEntryDetail entry={e} />, columnWidth: 40 }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 165, render: formatDateTimeSeconds },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              width: 110,
              ellipsis: true,
              render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 110,
              render: (a: AuditAction) => <Tag color={ACTION_COLORS[a]}>{t(`auditAction.${a}`)}</Tag>,
            },
            { title: t('audit.entityType'), dataIndex: 'entityType', width: 115, ellipsis: true },
            {
              title: t('audit.entityId'),
              dataIndex: 'entityId',
              width: 140,
              ellipsis: true,
              render: (id: string | null) =>
                id ? (
                  <Tooltip title={id}>
                    <Typography.Text code>{id.length > 13 ? id.slice(0, 13) + '…' : id}</Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: t('audit.orgUnit'),
              dataIndex: 'orgUnitId',
              width: 130,
              ellipsis: true,
              render: (id: string | null) => unitNameOf(id) ?? '—',
            },
            {
              title: `${t('audit.chain')}/${t('audit.seq')}`,
              key: 'seq',
              width: 85,
              render: (_, e) => `${e.chain}/${e.seq}`,
            },
            {
              title: t('audit.hash'),
              dataIndex: 'hash',
              width: 105,
              render: (h: string) => (
                <Tooltip title={h}>
                  <Typography.Text code>{h.slice(0, 8)}</Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
