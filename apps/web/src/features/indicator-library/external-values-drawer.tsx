import { Alert, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { ExternalValue, Indicator } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useOrgName } from '../../components/org-tree';
import { useExternalValues } from './api';
import { withUnit } from './formula-text';

/** The figures supplied for an external indicator (imported or pushed), newest period first, by org unit. */
export function ExternalValuesDrawer({ ind, onClose }: { ind: Indicator | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const orgName = useOrgName();
  const [orgUnit, setOrgUnit] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useExternalValues(ind?.key ?? null, {
    ...(orgUnit ? { orgUnit } : {}),
    page,
    pageSize: 20,
  });
  const name = ind ? (i18n.language.startsWith('zh') ? ind.nameZh : ind.nameEn) : '';
  const num = (n: number | null) =>
    n === null ? '—' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 }).format(n);
  return (
    <Drawer
      open={!!ind}
      onClose={onClose}
      size={820}
      title={t('indicatorLib.valuesTitle', { name })}
      destroyOnHidden
      data-testid="values-drawer"
    >
      {ind && (
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={t('indicatorLib.pushHint', { key: ind.key })} />
          <OrgUnitTreeSelect
            allowClear
            value={orgUnit}
            onChange={(v) => {
              setOrgUnit(v ?? undefined);
              setPage(1);
            }}
            placeholder={t('indicatorLib.pickUnit')}
            style={{ width: 320 }}
          />
          <Table<ExternalValue>
            rowKey={(v) => `${v.orgUnitId}|${v.period}`}
            size="small"
            loading={isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('indicatorLib.noValues') }}
            data-testid="values-table"
            pagination={{
              current: page,
              pageSize: 20,
              total: data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            columns={[
              { title: t('indicatorLib.period'), dataIndex: 'period', width: 110 },
              {
                title: t('indicatorLib.pickUnit'),
                key: 'unit',
                render: (_, v) => orgName({ name: v.orgUnitName, nameEn: v.orgUnitNameEn }),
              },
              {
                title: t('indicatorLib.value'),
                key: 'value',
                align: 'right',
                render: (_, v) => (
                  <Typography.Text strong>{withUnit(v.value, ind, i18n.language)}</Typography.Text>
                ),
              },
              {
                title: t('indicatorLib.numerator'),
                key: 'numerator',
                align: 'right',
                render: (_, v) => num(v.numerator),
              },
              {
                title: t('indicatorLib.denominator'),
                key: 'denominator',
                align: 'right',
                render: (_, v) => num(v.denominator),
              },
              {
                title: t('indicatorLib.source'),
                dataIndex: 'source',
                width: 100,
                render: (s: ExternalValue['source']) => <Tag>{t(`indicatorLib.source_${s}`)}</Tag>,
              },
              {
                title: t('indicatorLib.updatedAt'),
                dataIndex: 'updatedAt',
                width: 150,
                render: (v: string) => formatDateTime(v),
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
