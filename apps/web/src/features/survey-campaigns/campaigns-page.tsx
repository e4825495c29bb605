import { App, Button, Card, Empty, Flex, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { LIMITS, type Campaign } from '@qloop/contracts';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCampaigns, useStartRound, type CampaignFilters } from '../../api/survey-campaigns';
import { useApiError } from '../../api/use-api-error';
import { formatDateTime } from '../../components/format';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { PageHeader } from '../../components/page-header';
import { ListHeaderActions, ListSearch } from '../../components/list-page-parts';
import { useCan } from '../../components/require-permission';
import { useServerPagedTable } from '../../components/server-paged-table';
import { CampaignFormModal } from './campaign-form-modal';
import { formatRate, roundProgress } from './campaign-format';
import { CampaignRoundsDrawer, RoundStateTag } from './campaign-rounds-drawer';

const initialFilters: CampaignFilters = { page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-createdAt' };

/**
 * 满意度测评活动: periodic surveys to a random sample of customers, stratified by unit with quotas.
 * Each campaign shows its last round's progress and response rate; a round can be started by hand
 * or comes by itself on the schedule; the drawer lists every round with its strata.
 */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const manage = useCan()('surveys:manage');
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const paged = useServerPagedTable(initialFilters);
  const { filters, patch } = paged;
  const [editing, setEditing] = useState<{ campaign: Campaign | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching, isLoading, refetch, error } = useCampaigns(filters);
  const start = useStartRound();
  const unitName = useOrgUnitNameOf();
  const filtered = !!filters.q || !!filters.orgUnit || filters.active !== undefined;

  const startRound = (c: Campaign) =>
    modal.confirm({
      title: t('campaign.startConfirmTitle', { name: c.name }),
      content: t('campaign.startConfirm', { size: c.sampleSize }),
      okText: t('campaign.start'),
      onOk: () =>
        start.mutateAsync(c.id).then(
          (r) => {
            void message.success(t('campaign.started', { n: r.roundNo, sampled: r.sampled }));
            setOpenId(c.id);
          },
          (e: unknown) => showError(e),
        ),
    });

  return (
    <>
      <PageHeader
        title={t('campaign.title')}
        subtitle={t('campaign.subtitle')}
        extra={
          <ListHeaderActions
            refetch={refetch}
            fetching={isFetching}
            createLabel={t('campaign.create')}
            onCreate={manage && (() => setEditing({ campaign: null }))}
            createTestId="campaign-create"
          />
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }}>
          <ListSearch applied={filters.q} onSearch={(q) => patch({ q })} placeholder={t('campaign.searchPlaceholder')} />
          <OrgUnitTreeSelect allowClear style={{ width: 220 }} placeholder={t('campaign.allUnits')} value={filters.orgUnit} onChange={(orgUnit) => patch({ orgUnit })} />
          <Select<'true' | 'false'>
            allowClear
            style={{ width: 130 }}
            placeholder={t('campaign.allStates')}
            value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
            onChange={(v) => patch({ active: v === undefined ? undefined : v === 'true' })}
            options={[{ value: 'true', label: t('campaign.activeOn') }, { value: 'false', label: t('campaign.activeOff') }]}
          />
          <Button
            onClick={paged.reset}
            disabled={!filtered && filters.sort === initialFilters.sort}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="campaigns-table"
          onRow={(r) => ({ 'data-testid': `campaign-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          {...paged.tableProps<Campaign>(data?.total)}
          locale={{
            emptyText: isLoading ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={error ? t('common.loadFailed') : filtered ? t('campaign.noMatch') : t('campaign.empty')} />
            ),
          }}
          columns={[
            {
              title: t('campaign.name'),
              dataIndex: 'name',
              sorter: true,
              sortOrder: paged.sortOrder('name'),
              render: (name: string, c) => (
                <div className="qloop-cell-2">
                  <div>
                    {!c.active && <Tag style={{ marginRight: 6 }}>{t('campaign.activeOff')}</Tag>}
                    <Typography.Link onClick={() => setOpenId(c.id)} title={name} data-testid="campaign-name">
                      {name}
                    </Typography.Link>
                  </div>
                  <div>
                    <Link to={`/surveys/${c.surveyId}`} className="qloop-cell-sub">
                      {en ? c.surveyNameEn : c.surveyNameZh} · {c.surveyCode}
                    </Link>
                  </div>
                </div>
              ),
            },
            { title: t('campaign.orgUnit'), dataIndex: 'orgUnitId', width: 120, ellipsis: true, render: (id: string, c) => unitName(id) ?? c.orgUnitName },
            {
              title: t('campaign.sampleSize'),
              dataIndex: 'sampleSize',
              width: en ? 100 : 80,
              align: 'right',
              render: (n: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.toLocaleString()}</span>,
            },
            {
              title: t('campaign.schedule'),
              dataIndex: 'nextRunAt',
              width: 160,
              sorter: true,
              sortOrder: paged.sortOrder('nextRunAt'),
              render: (next: string | null, c) => (
                <div className="qloop-cell-2">
                  <div>{t(`campaign.recurrence_${c.recurrence}`)}</div>
                  <div className="qloop-cell-sub">{next ? t('campaign.nextAt', { at: formatDateTime(next) }) : t('campaign.byHand')}</div>
                </div>
              ),
            },
            {
              title: t('campaign.lastRound'),
              dataIndex: 'lastRound',
              width: 210,
              render: (r: Campaign['lastRound']) =>
                r ? (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Space size={4}>
                      <span>{t('campaign.roundNo', { n: r.roundNo })}</span>
                      <RoundStateTag state={r.state} />
                    </Space>
                    <Progress percent={roundProgress(r)} size="small" status={r.state === 'sending' ? 'active' : r.state === 'failed' ? 'exception' : undefined} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('campaign.rateLine', { rate: formatRate(r.responseRate), answered: r.answered, invited: r.invited })}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('campaign.noRounds')}</Typography.Text>
                ),
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: en ? 180 : 160,
                    render: (_: unknown, c: Campaign) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<SendOutlined />}
                          disabled={c.lastRound?.state === 'sending'}
                          onClick={() => startRound(c)}
                          data-testid="campaign-start"
                        >
                          {t('campaign.start')}
                        </Button>
                        <Button size="small" onClick={() => setEditing({ campaign: c })}>
                          {t('common.edit')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CampaignFormModal open={!!editing} campaign={editing?.campaign ?? null} onClose={() => setEditing(null)} />
      <CampaignRoundsDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
