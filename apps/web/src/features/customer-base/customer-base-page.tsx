import { Button, Card, DatePicker, Flex, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { LIMITS, type CustomerBase } from '@qloop/contracts';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerBase, useDeleteCustomerBase, type CustomerBaseFilters } from '../../api/customer-base';
import { formatDateTime, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { DeleteRowButton, EditRowButton } from '../../components/row-actions';
import { useServerPagedTable } from '../../components/server-paged-table';
import { ImportModal } from './import-modal';
import { downloadTemplate } from './template';
import { UpsertModal } from './upsert-modal';

type Filters = Omit<CustomerBaseFilters, 'orgUnitId'>;

/** 用户规模: customers per org unit and month, entered by hand or imported from a spreadsheet. */
export default function CustomerBasePage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('customer_base:manage');
  const { orgUnitId } = useOrgUnitScope();
  const paged = useServerPagedTable<Filters>({ page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-month' });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { data, isFetching, refetch } = useCustomerBase({ ...paged.filters, orgUnitId });
  const remove = useDeleteCustomerBase();
  const unitNameOf = useOrgUnitNameOf();
  const [editing, setEditing] = useState<{ row: CustomerBase | null } | null>(null);
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageHeader
        title={t('customerBase.title')}
        subtitle={t('customerBase.subtitle')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
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
              paged.patch({ fromMonth: v?.[0]?.format('YYYY-MM'), toMonth: v?.[1]?.format('YYYY-MM') });
            }}
          />
        </Flex>
        <Table<CustomerBase>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          {...paged.tableProps<CustomerBase>(data?.total)}
          columns={[
            {
              title: t('customerBase.orgUnit'),
              dataIndex: 'orgUnitName',
              render: (name: string, r) => unitNameOf(r.orgUnitId) ?? name,
            },
            {
              title: t('customerBase.month'),
              dataIndex: 'month',
              width: 140,
              sorter: true,
              sortOrder: paged.sortOrder('month'),
            },
            {
              title: t('customerBase.customers'),
              dataIndex: 'customers',
              width: 180,
              align: 'right',
              sorter: true,
              sortOrder: paged.sortOrder('customers'),
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
                        <EditRowButton onClick={() => setEditing({ row: r })} />
                        <DeleteRowButton name={`${r.orgUnitName} ${r.month}`} onDelete={() => remove.mutateAsync(r.id)} />
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
