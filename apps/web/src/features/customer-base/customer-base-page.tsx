import { App, Button, Card, DatePicker, Flex, Popconfirm, Space, Table } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { LIMITS, type CustomerBase } from '@qloop/contracts';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerBase, useDeleteCustomerBase, type CustomerBaseFilters } from '../../api/customer-base';
import { useOrgUnits } from '../../api/org-units';
import { useApiError } from '../../api/use-api-error';
import { useOrgName } from '../../components/org-tree';
import { formatDateTime, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useCan } from '../../components/require-permission';
import { serverPagination, sortOrderOf, sortParam } from '../../components/table-helpers';
import { ImportModal } from './import-modal';
import { downloadTemplate } from './template';
import { UpsertModal } from './upsert-modal';

type Filters = Omit<CustomerBaseFilters, 'orgUnitId'>;

/** 用户规模: customers per org unit and month, entered by hand or imported from a spreadsheet. */
export default function CustomerBasePage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('customer_base:manage');
  const { orgUnitId } = useOrgUnitScope();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-month' });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { data, isFetching, refetch } = useCustomerBase({ ...filters, orgUnitId });
  const remove = useDeleteCustomerBase();
  const { data: units } = useOrgUnits();
  const unitById = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  const orgName = useOrgName();
  const showError = useApiError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ row: CustomerBase | null } | null>(null);
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageHeader
        title={t('customerBase.title')}
        subtitle={t('customerBase.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching}>
              {t('common.refresh')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
              {t('customerBase.template')}
            </Button>
            {manage && (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="cb-import">
                  {t('customerBase.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
                  {t('customerBase.upsert')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} style={{ padding: 16 }} align="center">
          <span>{t('customerBase.monthRange')}</span>
          <DatePicker.RangePicker
            picker="month"
            format="YYYY-MM"
            value={range}
            allowEmpty={[true, true]}
            onChange={(v) => {
              setRange(v);
              setFilters((f) => ({
                ...f,
                page: 1,
                fromMonth: v?.[0]?.format('YYYY-MM'),
                toMonth: v?.[1]?.format('YYYY-MM'),
              }));
            }}
          />
        </Flex>
        <Table<CustomerBase>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={serverPagination(t, filters.page, filters.pageSize, data?.total)}
          onChange={(p, _f, sorter) =>
            setFilters((f) => {
              const sort = sortParam(sorter);
              const pageSize = p.pageSize ?? f.pageSize;
              const page = sort !== f.sort || pageSize !== f.pageSize ? 1 : (p.current ?? 1);
              return { ...f, sort, pageSize, page };
            })
          }
          columns={[
            {
              title: t('customerBase.orgUnit'),
              dataIndex: 'orgUnitName',
              render: (name: string, r) => {
                const unit = unitById.get(r.orgUnitId);
                return unit ? orgName(unit) : name;
              },
            },
            {
              title: t('customerBase.month'),
              dataIndex: 'month',
              width: 140,
              sorter: true,
              sortOrder: sortOrderOf(filters.sort, 'month'),
            },
            {
              title: t('customerBase.customers'),
              dataIndex: 'customers',
              width: 180,
              align: 'right',
              sorter: true,
              sortOrder: sortOrderOf(filters.sort, 'customers'),
              render: (n: number) => formatNumber(n, i18n.language),
            },
            { title: t('customerBase.updatedAt'), dataIndex: 'updatedAt', width: 180, render: formatDateTime },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 170,
                    render: (_: unknown, r: CustomerBase) => (
                      <Space size={0}>
                        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ row: r })}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('common.confirmDelete', { name: `${r.orgUnitName} ${r.month}` })}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutateAsync(r.id).then(
                              () => void message.success(t('common.deleted')),
                              (e: unknown) => showError(e),
                            )
                          }
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <UpsertModal open={editing !== null} row={editing?.row ?? null} onClose={() => setEditing(null)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
