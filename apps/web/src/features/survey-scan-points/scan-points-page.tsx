import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined, QrcodeOutlined } from '@ant-design/icons';
import { LIMITS, SCAN_POINT_KINDS, type ScanPointKind, type SurveyScanPoint } from '@qloop/contracts';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useScanPointAction, useScanPoints, type ScanPointFilters } from '../../api/survey-scan-points';
import { useSurveys } from '../../api/surveys';
import { useApiError } from '../../api/use-api-error';
import { ActiveBadge } from '../../components/active-status';
import { formatDateTime } from '../../components/format';
import { listEmptyText } from '../../components/list-empty';
import { ListHeaderActions, ListSearch } from '../../components/list-page-parts';
import { useOrgName } from '../../components/org-tree';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../components/require-permission';
import { useServerPagedTable } from '../../components/server-paged-table';
import { SurveyStateTag } from '../surveys/survey-tags';
import { QrPrintModal } from './qr-print-modal';
import { ScanPointFormModal } from './scan-point-form-modal';
import { KIND_COLOR, pointLabel, unitName } from './scan-point-text';

type Filters = Omit<ScanPointFilters, 'orgUnit'>;
const initialFilters: Filters = { page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-updatedAt' };

/**
 * 扫码评价: the QR cards of the stores, counters and staff members in the org unit chosen in the
 * header (with its subtree), filtered, sorted and paged by the server. Each row prints its card.
 */
export default function ScanPointsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const manage = useCan()('surveys:manage');
  const { orgUnitId, orgUnit } = useOrgUnitScope();
  const orgName = useOrgName();
  const paged = useServerPagedTable(initialFilters);
  const { filters, patch } = paged;
  const { data, isFetching, isLoading, refetch, error } = useScanPoints({ ...filters, orgUnit: orgUnitId });
  const { data: surveys } = useSurveys({ page: 1, pageSize: LIMITS.pageSizeMax, sort: 'code' });
  const action = useScanPointAction();
  const showError = useApiError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ point: SurveyScanPoint | null } | null>(null);
  const [printing, setPrinting] = useState<SurveyScanPoint | null>(null);
  const filtered = !!filters.q || !!filters.survey || !!filters.kind || filters.active !== undefined;

  const toggle = (p: SurveyScanPoint) =>
    action
      .mutateAsync({ id: p.id, action: p.active ? 'deactivate' : 'reactivate', rowVersion: p.rowVersion })
      .then(
        () => void message.success(t(p.active ? 'scanPoint.deactivated' : 'scanPoint.reactivated')),
        (e: unknown) =>
          e instanceof ApiError && e.code === 'CONFLICT'
            ? void message.warning(t('scanPoint.versionConflict'))
            : showError(e),
      );

  return (
    <>
      <PageHeader
        title={t('scanPoint.title')}
        subtitle={
          <>
            {t('scanPoint.subtitle')}
            {orgUnit && (
              <>
                {' '}
                {t('header.orgUnit')}
                {en ? ': ' : '：'}
                {orgName(orgUnit)}
              </>
            )}
          </>
        }
        extra={
          <ListHeaderActions
            refetch={refetch}
            fetching={isFetching}
            createLabel={t('scanPoint.create')}
            onCreate={manage && (() => setEditing({ point: null }))}
            createTestId="scan-point-create"
          />
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }}>
          <ListSearch
            applied={filters.q}
            onSearch={(q) => patch({ q })}
            placeholder={t('scanPoint.searchPlaceholder')}
            width={260}
            testId="scan-point-search"
          />
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('scanPoint.allSurveys')}
            value={filters.survey}
            onChange={(survey) => patch({ survey })}
            options={(surveys?.items ?? []).map((s) => ({
              value: s.id,
              label: `${en ? s.nameEn : s.nameZh} (${s.code})`,
            }))}
            data-testid="scan-point-filter-survey"
          />
          <Select<ScanPointKind>
            allowClear
            style={{ width: en ? 150 : 130 }}
            placeholder={t('scanPoint.allKinds')}
            value={filters.kind}
            onChange={(kind) => patch({ kind })}
            options={SCAN_POINT_KINDS.map((k) => ({ value: k, label: t(`scanPoint.kind_${k}`) }))}
            data-testid="scan-point-filter-kind"
          />
          <Select<'true' | 'false'>
            allowClear
            style={{ width: 130 }}
            placeholder={t('common.status')}
            value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
            onChange={(v) => patch({ active: v === undefined ? undefined : v === 'true' })}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
          <Button onClick={paged.reset} disabled={!filtered && filters.sort === initialFilters.sort}>
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<SurveyScanPoint>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="scan-points-table"
          onRow={(r) => ({ 'data-testid': `scan-point-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
          {...paged.tableProps<SurveyScanPoint>(data?.total)}
          locale={{ emptyText: listEmptyText({ loading: isLoading, error, text: t('scanPoint.empty'), hint: !filtered && t('scanPoint.emptyHint'), onClear: filtered && paged.reset }) }}
          columns={[
            {
              // label and code share a column so the list fits a 1280-wide screen
              title: t('scanPoint.label'),
              dataIndex: 'labelZh',
              key: 'label',
              sorter: true,
              sortOrder: paged.sortOrder('label'),
              fixed: 'left',
              width: 170,
              render: (_: string, p) => (
                <Flex vertical style={{ lineHeight: 1.35, minWidth: 0 }}>
                  <Typography.Text strong ellipsis={{ tooltip: true }}>
                    {pointLabel(p, en)}
                  </Typography.Text>
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, fontFamily: 'monospace' }}
                    data-testid="scan-point-code"
                  >
                    {p.code}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('scanPoint.kind'),
              dataIndex: 'kind',
              sorter: true,
              sortOrder: paged.sortOrder('kind'),
              width: en ? 110 : 100,
              render: (k: ScanPointKind) => <Tag color={KIND_COLOR[k]}>{t(`scanPoint.kind_${k}`)}</Tag>,
            },
            {
              // a staff point's staff member under its unit, so the list fits a 1280-wide screen
              title: t('scanPoint.orgUnitStaff'),
              dataIndex: 'orgUnitName',
              width: 170,
              render: (_: string, p) => (
                <Flex vertical style={{ lineHeight: 1.35, minWidth: 0 }}>
                  <Typography.Text ellipsis={{ tooltip: true }}>{unitName(p, en)}</Typography.Text>
                  {p.staffName && (
                    <Typography.Text
                      type="secondary"
                      ellipsis={{ tooltip: true }}
                      style={{ fontSize: 12 }}
                      data-testid="scan-point-staff-name"
                    >
                      {p.staffName}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('scanPoint.survey'),
              dataIndex: 'surveyNameZh',
              render: (_: string, p) => (
                <Flex vertical align="flex-start" gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: '100%' }}>
                    {en ? p.surveyNameEn : p.surveyNameZh}
                  </Typography.Text>
                  {p.surveyState !== 'published' && (
                    <SurveyStateTag state={p.surveyState as 'draft' | 'retired'} />
                  )}
                </Flex>
              ),
            },
            {
              title: t('scanPoint.responses'),
              dataIndex: 'responses',
              sorter: true,
              sortOrder: paged.sortOrder('responses'),
              align: 'right',
              width: en ? 90 : 80,
            },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 100,
              render: (a: boolean) => <ActiveBadge active={a} />,
            },
            {
              title: t('scanPoint.updatedAt'),
              dataIndex: 'updatedAt',
              sorter: true,
              sortOrder: paged.sortOrder('updatedAt'),
              width: 135,
              render: formatDateTime,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: manage ? 110 : 60,
              fixed: 'right',
              render: (_: unknown, p) => (
                <Space size={0}>
                  <Tooltip title={t('scanPoint.showQr')}>
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('scanPoint.showQr')}
                      icon={<QrcodeOutlined />}
                      onClick={() => setPrinting(p)}
                      data-testid="scan-point-qr"
                    />
                  </Tooltip>
                  {manage && (
                    <>
                      <Tooltip title={t('common.edit')}>
                        <Button
                          type="link"
                          size="small"
                          aria-label={t('common.edit')}
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ point: p })}
                          data-testid="scan-point-edit"
                        />
                      </Tooltip>
                      <Popconfirm
                        title={t(p.active ? 'scanPoint.deactivateConfirm' : 'scanPoint.reactivateConfirm', {
                          name: pointLabel(p, en),
                        })}
                        okText={t(p.active ? 'scanPoint.deactivate' : 'scanPoint.reactivate')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: p.active }}
                        onConfirm={() => toggle(p)}
                      >
                        {/* a plain Tooltip: Popconfirm passes its child a ref and a click handler */}
                        <Tooltip title={t(p.active ? 'scanPoint.deactivate' : 'scanPoint.reactivate')}>
                          <Button
                            type="link"
                            size="small"
                            danger={p.active}
                            aria-label={t(p.active ? 'scanPoint.deactivate' : 'scanPoint.reactivate')}
                            icon={p.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                            data-testid="scan-point-toggle"
                          />
                        </Tooltip>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ScanPointFormModal
        open={editing !== null}
        point={editing?.point ?? null}
        onClose={() => setEditing(null)}
      />
      <QrPrintModal point={printing} onClose={() => setPrinting(null)} />
    </>
  );
}
