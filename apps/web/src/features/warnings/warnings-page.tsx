import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Select,
  Switch,
  Table,
  Typography,
} from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import {
  WARNING_LEVELS,
  WARNING_RULE_KINDS,
  WARNING_STATES,
  type Warning,
  type WarningEvaluation,
} from '@qloop/contracts';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useEvaluateWarnings, useWarnings } from '../../api/warnings';
import { useApiError } from '../../api/use-api-error';
import { formatDateTime } from '../../components/format';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { serverPagination, sortOrderOf, sortParam } from '../../components/table-helpers';
import { WarningCountsStrip } from './warning-counts';
import { ALL_UNITS, toWarningFilters, useWarningView, type WarningView } from './warning-list-state';
import {
  LevelTag,
  Occurrences,
  PlanDue,
  useOwnerName,
  useWarningTitle,
  WarningStateTag,
} from './warning-tags';

/**
 * 预警中心: graded warnings in scope — counts by level on top, then the list filtered (open only by
 * default), sorted and paged by the server; the filters live in the address. The quality department
 * can run every rule now (立即评估) and sees what that found.
 */
export default function WarningsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const can = useCan();
  const { orgUnitId: headerUnitId } = useOrgUnitScope();
  const { view, patch, reset } = useWarningView();
  const filters = toWarningFilters(view, headerUnitId);
  const { data, isFetching, isLoading, refetch, error } = useWarnings(filters);
  const evaluate = useEvaluateWarnings();
  const showError = useApiError();
  const [evaluation, setEvaluation] = useState<WarningEvaluation | null>(null);
  const titleOf = useWarningTitle();
  const ownerOf = useOwnerName();

  const filtered =
    !view.open ||
    !!view.state ||
    !!view.level ||
    !!view.kind ||
    !!view.orgUnit ||
    !!view.planOverdue ||
    !!view.raisedFrom ||
    !!view.raisedTo;
  const runEvaluation = () =>
    evaluate.mutate(undefined, {
      onSuccess: (r) => setEvaluation(r),
      onError: (e) => showError(e),
    });

  return (
    <>
      <PageHeader
        title={t('warning.title')}
        subtitle={t('warning.subtitle')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            {can('warnings:manage') && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={evaluate.isPending}
                onClick={runEvaluation}
                data-testid="warnings-evaluate"
              >
                {t('warning.evaluate')}
              </Button>
            )}
          </>
        }
      />
      {evaluation && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setEvaluation(null)}
          title={t('warning.evaluated', { ...evaluation, ms: Math.round(evaluation.ms) })}
          style={{ marginBottom: 12 }}
          data-testid="warning-evaluation"
        />
      )}
      <div style={{ marginBottom: 12 }}>
        <WarningCountsStrip
          orgUnit={filters.orgUnit}
          onPick={patch}
          active={{ level: view.level, planOverdue: view.planOverdue || undefined }}
          title={t('warning.countsTitle')}
        />
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap align="center" style={{ padding: '16px 16px 12px' }}>
          <Select
            allowClear
            style={{ width: 100 }}
            placeholder={t('warning.level')}
            value={view.level}
            onChange={(level) => patch({ level })}
            options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`warningLevel.${l}`) }))}
            data-testid="filter-level"
          />
          <Select
            allowClear
            style={{ width: en ? 136 : 100 }}
            placeholder={t('warning.state')}
            value={view.state}
            onChange={(state) => patch({ state })}
            options={WARNING_STATES.map((s) => ({ value: s, label: t(`warningState.${s}`) }))}
            data-testid="filter-state"
          />
          <Select
            allowClear
            style={{ width: en ? 156 : 112 }}
            placeholder={t('warning.kind')}
            value={view.kind}
            onChange={(kind) => patch({ kind })}
            options={WARNING_RULE_KINDS.map((k) => ({ value: k, label: t(`warningKind.${k}`) }))}
            data-testid="filter-kind"
          />
          <OrgUnitTreeSelect
            allowClear
            style={{ width: 160 }}
            placeholder={t('warning.allOrgUnits')}
            value={view.orgUnit === ALL_UNITS ? undefined : (filters.orgUnit ?? undefined)}
            onChange={(id) => patch({ orgUnit: id ?? ALL_UNITS })}
            popupMatchSelectWidth={260}
          />
          <DatePicker.RangePicker
            style={{ width: en ? 236 : 216 }}
            allowEmpty={[true, true]}
            value={[
              view.raisedFrom ? dayjs(view.raisedFrom) : null,
              view.raisedTo ? dayjs(view.raisedTo) : null,
            ]}
            onChange={(r) =>
              patch({
                raisedFrom: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
                raisedTo: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
            placeholder={[t('warning.raisedFrom'), t('warning.raisedTo')]}
          />
          <Flex gap={12} align="center" style={{ marginInlineStart: 'auto' }}>
            <Checkbox
              checked={!!view.planOverdue}
              onChange={(e) => patch({ planOverdue: e.target.checked || undefined })}
              data-testid="filter-plan-overdue"
            >
              {t('warning.planOverdue')}
            </Checkbox>
            <Flex gap={8} align="center">
              <Switch
                size="small"
                id="filter-open"
                checked={view.open}
                onChange={(open) => patch({ open })}
                data-testid="filter-open"
              />
              <label htmlFor="filter-open" style={{ cursor: 'pointer' }}>
                {t('warning.openOnly')}
              </label>
            </Flex>
            <Button
              type="link"
              disabled={!filtered && !view.sort}
              style={{ paddingInline: 4 }}
              onClick={reset}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Flex>
        <Table<Warning>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="warnings-table"
          onRow={(r) => ({ 'data-testid': `warning-row-${r.warningNo}` }) as HTMLAttributes<HTMLElement>}
          pagination={serverPagination(t, view.page, view.pageSize, data?.total)}
          onChange={(p, _f, sorter) => {
            const sort = sortParam(sorter) as WarningView['sort'];
            const pageSize = p.pageSize ?? view.pageSize;
            if (sort !== view.sort || pageSize !== view.pageSize) patch({ sort, pageSize });
            else patch({ page: p.current ?? 1 });
          }}
          locale={{
            emptyText: isLoading ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <>
                    <div>{error ? t('common.loadFailed') : t('warning.empty')}</div>
                    {!error && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('warning.emptyHint')}
                      </Typography.Text>
                    )}
                  </>
                }
                style={{ padding: '24px 0' }}
              >
                {filtered && <Button onClick={reset}>{t('ticket.clearFilters')}</Button>}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('warning.no'),
              dataIndex: 'warningNo',
              width: 140,
              fixed: 'left',
              render: (no: string, r) => (
                <Link to={`/warnings/${r.id}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {no}
                </Link>
              ),
            },
            {
              title: t('warning.level'),
              dataIndex: 'level',
              width: 96,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'level'),
              render: (l: Warning['level']) => <LevelTag level={l} testId="warning-level" />,
            },
            {
              title: t('warning.state'),
              dataIndex: 'state',
              width: en ? 124 : 92,
              render: (s: Warning['state']) => <WarningStateTag state={s} testId="warning-state" />,
            },
            {
              title: t('warning.titleColumn'),
              dataIndex: 'title',
              render: (_: string, r) => (
                <div style={{ minWidth: 0 }}>
                  <Link to={`/warnings/${r.id}`} className="qloop-warning-title" title={titleOf(r)}>
                    {titleOf(r)}
                  </Link>
                  <Flex gap={6} align="center" className="qloop-cell-sub">
                    <span>{t(`warningKind.${r.kind}`)}</span>
                    <Occurrences count={r.occurrences} />
                  </Flex>
                </div>
              ),
            },
            {
              title: t('warning.owner'),
              key: 'owner',
              width: 132,
              ellipsis: true,
              render: (_, r) => ownerOf(r),
            },
            {
              title: t('warning.raisedAt'),
              dataIndex: 'raisedAt',
              width: 136,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'raisedAt'),
              render: (v: string, r) => (
                <div className="qloop-cell-2">
                  <div style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</div>
                  {r.occurrences > 1 && (
                    <div className="qloop-cell-sub">
                      {t('warning.lastSeenShort', { at: formatDateTime(r.lastSeenAt) })}
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('warning.planDue'),
              dataIndex: 'planDueAt',
              width: 150,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'planDueAt'),
              render: (_: string, r) => <PlanDue warning={r} compact />,
            },
          ]}
        />
      </Card>
    </>
  );
}
