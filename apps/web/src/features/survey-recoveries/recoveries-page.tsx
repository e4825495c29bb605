import { Button, Card, DatePicker, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { SurveyRecovery, TicketState } from '@qloop/contracts';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRecoveries, useRecoverySurveys } from '../../api/survey-recoveries';
import { formatDateTime } from '../../components/format';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { listEmptyText } from '../../components/list-empty';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { serverPagination } from '../../components/table-helpers';
import { StateTag } from '../tickets/ticket-tags';
import { AnswerList, RecoveryStatusTag, ScoreTags } from './recovery-parts';
import {
  ALL_UNITS,
  RECOVERY_TABS,
  toRecoveryFilters,
  useRecoveryView,
  type RecoveryTab,
} from './recovery-list-state';

/**
 * 服务补救: the recovery tickets low survey scores opened, by status (待闭环 — the loop still open —,
 * 已挽回, 未挽回, or all), org unit, survey and the days the answers came in; newest or oldest
 * first, paged by the server; each row links to its ticket and unfolds the customer's answers. The
 * view lives in the address.
 */
export default function RecoveriesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { orgUnitId: headerUnitId } = useOrgUnitScope();
  const unitNameOf = useOrgUnitNameOf();
  const { view, patch, reset } = useRecoveryView();
  const filters = toRecoveryFilters(view, headerUnitId);
  const { data, isFetching, isLoading, refetch, error } = useRecoveries(filters);
  const { data: surveys } = useRecoverySurveys();
  const filtered = !!view.orgUnit || !!view.survey || !!view.from || !!view.to;

  return (
    <>
      <PageHeader
        title={t('surveyRecovery.title')}
        subtitle={t('surveyRecovery.subtitle')}
        extra={<RefreshButton refetch={refetch} fetching={isFetching} />}
      />
      <Card
        styles={{ body: { padding: 0 } }}
        tabList={RECOVERY_TABS.map((k) => ({
          key: k,
          label: <span data-testid={`recovery-tab-${k}`}>{t(`surveyRecovery.tab_${k}`)}</span>,
        }))}
        activeTabKey={view.tab}
        onTabChange={(tab) => patch({ tab: tab as RecoveryTab })}
        tabProps={{ size: 'middle' }}
      >
        <Flex gap={12} wrap align="center" style={{ padding: '16px 16px 12px' }}>
          <OrgUnitTreeSelect
            allowClear
            style={{ width: 180 }}
            placeholder={t('surveyRecovery.allOrgUnits')}
            value={view.orgUnit === ALL_UNITS ? undefined : (filters.orgUnit ?? undefined)}
            onChange={(id) => patch({ orgUnit: id ?? ALL_UNITS })}
            popupMatchSelectWidth={260}
            data-testid="recovery-filter-unit"
          />
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('surveyRecovery.allSurveys')}
            value={view.survey}
            onChange={(survey: string | undefined) => patch({ survey })}
            showSearch={{ optionFilterProp: 'label' }}
            options={(surveys?.items ?? []).map((s) => ({ value: s.id, label: en ? s.nameEn : s.nameZh }))}
            notFoundContent={
              <Typography.Text type="secondary">{t('surveyRecovery.noSurveys')}</Typography.Text>
            }
            data-testid="recovery-filter-survey"
          />
          <DatePicker.RangePicker
            style={{ width: en ? 250 : 236 }}
            allowEmpty={[true, true]}
            value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
            onChange={(r) =>
              patch({
                from: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
            placeholder={[t('surveyRecovery.from'), t('surveyRecovery.to')]}
            data-testid="recovery-filter-period"
          />
          <Select
            style={{ width: en ? 132 : 112 }}
            value={view.sort}
            onChange={(sort) => patch({ sort })}
            options={[
              { value: '-createdAt', label: t('surveyRecovery.sortNewest') },
              { value: 'createdAt', label: t('surveyRecovery.sortOldest') },
            ]}
            aria-label={t('surveyRecovery.sort')}
            data-testid="recovery-sort"
          />
          <Button
            type="link"
            disabled={!filtered && view.sort === '-createdAt'}
            style={{ paddingInline: 4 }}
            onClick={reset}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<SurveyRecovery>
          rowKey="responseId"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="recoveries-table"
          onRow={(r) => ({ 'data-testid': `recovery-row-${r.ticketNo}` }) as HTMLAttributes<HTMLElement>}
          pagination={serverPagination(t, view.page, view.pageSize, data?.total)}
          onChange={(p) => {
            const pageSize = p.pageSize ?? view.pageSize;
            if (pageSize !== view.pageSize) patch({ pageSize });
            else patch({ page: p.current ?? 1 });
          }}
          expandable={{
            expandedRowRender: (r) => (
              <div style={{ maxWidth: 760, padding: '4px 0' }}>
                <AnswerList answers={r.answers} />
              </div>
            ),
          }}
          locale={{ emptyText: listEmptyText({ loading: isLoading, error, text: t(`surveyRecovery.empty_${view.tab}`), hint: t('surveyRecovery.emptyHint'), onClear: filtered && reset }) }}
          columns={[
            {
              // the original ticket under the recovery ticket: the two belong together, and a column of its own does not fit 1280
              title: t('surveyRecovery.ticketNo'),
              dataIndex: 'ticketNo',
              width: 180,
              fixed: 'left',
              render: (no: string, r) => (
                <div className="qloop-cell-2">
                  <Link
                    to={`/tickets/${r.ticketId}`}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                    data-testid="recovery-ticket-link"
                  >
                    {no}
                  </Link>
                  {r.originTicketId && (
                    <div className="qloop-cell-sub">
                      {t('surveyRecovery.originShort')}{' '}
                      <Link
                        to={`/tickets/${r.originTicketId}`}
                        style={{ fontVariantNumeric: 'tabular-nums' }}
                      >
                        {r.originTicketNo}
                      </Link>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('surveyRecovery.status'),
              key: 'status',
              width: en ? 120 : 100,
              render: (_, r) =>
                r.recovered === null ? (
                  <RecoveryStatusTag recovery={r} />
                ) : (
                  <Tooltip title={r.note || undefined}>
                    <div className="qloop-cell-2">
                      <RecoveryStatusTag recovery={r} />
                      <div className="qloop-cell-sub">{r.recordedByName}</div>
                    </div>
                  </Tooltip>
                ),
            },
            {
              title: t('surveyRecovery.lowScore'),
              key: 'scores',
              width: 164,
              render: (_, r) => (
                <Tooltip title={`${t('surveyRecovery.reason')}: ${r.reason}`}>
                  <span style={{ display: 'inline-block' }}>
                    <ScoreTags recovery={r} />
                  </span>
                </Tooltip>
              ),
            },
            {
              title: t('surveyRecovery.survey'),
              dataIndex: 'surveyCode',
              render: (code: string, r) => (
                <div className="qloop-cell-2" style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: '100%' }}>
                    {en ? r.surveyNameEn : r.surveyNameZh}
                  </Typography.Text>
                  <div className="qloop-cell-sub" style={{ fontFamily: 'monospace' }}>
                    {code}
                  </div>
                </div>
              ),
            },
            {
              title: t('surveyRecovery.orgUnit'),
              dataIndex: 'orgUnitId',
              width: en ? 150 : 130,
              ellipsis: true,
              render: (id: string) => unitNameOf(id) ?? '—',
            },
            {
              title: t('surveyRecovery.ticketState'),
              dataIndex: 'ticketState',
              width: en ? 110 : 92,
              render: (s: string) => <StateTag state={s as TicketState} />,
            },
            {
              title: t('surveyRecovery.answeredAt'),
              dataIndex: 'createdAt',
              width: 140,
              render: (v: string) => (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
