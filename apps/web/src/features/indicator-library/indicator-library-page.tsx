import { Button, Card, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DatabaseOutlined,
  ImportOutlined,
  PlusOutlined,
  SlidersOutlined,
} from '@ant-design/icons';
import type { Indicator } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/indicators';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { DeleteRowButton, EditRowButton } from '../../components/row-actions';
import { useDeleteIndicator } from './api';
import { ExternalValuesDrawer } from './external-values-drawer';
import { useFormulaText, withUnit } from './formula-text';
import { ImportValuesModal } from './import-values-modal';
import { OwnerCell } from './owner-cell';
import { IndicatorFormDrawer } from './indicator-form-drawer';
import { SettingsDrawer } from './settings-drawer';
import { ThresholdsTags } from './thresholds-tags';

/**
 * 指标库: every indicator, built-in and custom, with its formula in words, unit, direction and
 * default target and thresholds. Everyone with indicators:read sees it and each unit's settings;
 * indicators:manage sets targets and thresholds per unit, defines custom indicators and imports
 * the values of external ones.
 */
export default function IndicatorLibraryPage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('indicators:manage');
  const { data: indicators, isPending, isFetching, refetch } = useIndicators();
  const formulaText = useFormulaText();
  const remove = useDeleteIndicator();
  const [settingsOf, setSettingsOf] = useState<Indicator | null>(null);
  const [valuesOf, setValuesOf] = useState<Indicator | null>(null);
  // the key, not the object: after a 409 the drawer gets the version just reloaded
  const [editing, setEditing] = useState<{ key: string | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const zh = i18n.language.startsWith('zh');

  return (
    <>
      <PageHeader
        title={t('indicatorLib.title')}
        subtitle={t('indicatorLib.subtitle')}
        extra={
          <>
            <RefreshButton fetching={isFetching} refetch={refetch} />
            {manage && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImporting(true)}
                data-testid="values-import"
              >
                {t('indicatorLib.importValues')}
              </Button>
            )}
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ key: null })}
                data-testid="indicator-create"
              >
                {t('indicatorLib.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: '8px 0' } }}>
        <Table<Indicator>
          rowKey="key"
          size="middle"
          loading={isPending}
          dataSource={indicators ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="indicator-table"
          columns={[
            {
              title: t('indicatorLib.name'),
              key: 'name',
              width: 200,
              render: (_, ind) => (
                <Flex vertical gap={2}>
                  <Tooltip title={ind.description || undefined}>
                    <Typography.Text
                      strong={ind.active}
                      type={ind.active ? undefined : 'secondary'}
                      data-testid="indicator-name"
                    >
                      {zh ? ind.nameZh : ind.nameEn}
                    </Typography.Text>
                  </Tooltip>
                  <Space size={4} wrap>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {ind.key}
                    </Typography.Text>
                    <Tag bordered={false} color={ind.builtIn ? 'default' : 'blue'}>
                      {ind.builtIn ? t('indicatorLib.builtIn') : t('indicatorLib.custom')}
                    </Tag>
                    {ind.formula.kind === 'external' && (
                      <Tag bordered={false} color="purple">
                        {t('indicatorLib.external')}
                      </Tag>
                    )}
                    {!ind.active && <Tag>{t('common.inactive')}</Tag>}
                  </Space>
                </Flex>
              ),
            },
            {
              title: t('indicatorLib.formula'),
              key: 'formula',
              width: 260,
              render: (_, ind) => (
                <Typography.Paragraph
                  style={{ margin: 0, fontSize: 13 }}
                  ellipsis={{ rows: 3, tooltip: formulaText(ind) }}
                >
                  {formulaText(ind)}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('indicatorLib.unit'),
              key: 'unit',
              width: 100,
              render: (_, ind) => (zh ? ind.unit : ind.unitEn),
            },
            {
              title: t('indicatorLib.direction'),
              key: 'direction',
              width: 70,
              align: 'center',
              render: (_, ind) => (
                <Tooltip
                  title={t(
                    ind.direction === 'higher_better' ? 'dashboard.higherBetter' : 'dashboard.lowerBetter',
                  )}
                >
                  {ind.direction === 'higher_better' ? (
                    <ArrowUpOutlined data-testid="direction-up" />
                  ) : (
                    <ArrowDownOutlined data-testid="direction-down" />
                  )}
                </Tooltip>
              ),
            },
            {
              title: t('indicatorLib.target'),
              key: 'target',
              width: 80,
              render: (_, ind) => withUnit(ind.target, ind, i18n.language),
            },
            {
              title: t('indicatorLib.thresholds'),
              key: 'thresholds',
              width: 190,
              render: (_, ind) => <ThresholdsTags thresholds={ind.thresholds} ind={ind} />,
            },
            {
              title: <Tooltip title={t('indicatorLib.ownerHelp')}>{t('indicatorLib.owner')}</Tooltip>,
              key: 'owner',
              width: 160,
              render: (_, ind) => <OwnerCell ind={ind} manage={manage} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: manage ? 200 : 130,
              render: (_, ind) => (
                <Space size={0} wrap data-testid={`indicator-actions-${ind.key}`}>
                  <Button
                    type="link"
                    size="small"
                    icon={<SlidersOutlined />}
                    onClick={() => setSettingsOf(ind)}
                    data-testid={`indicator-settings-${ind.key}`}
                  >
                    {t('indicatorLib.byUnit')}
                  </Button>
                  {ind.formula.kind === 'external' && (
                    <Button
                      type="link"
                      size="small"
                      icon={<DatabaseOutlined />}
                      onClick={() => setValuesOf(ind)}
                      data-testid={`indicator-values-${ind.key}`}
                    >
                      {t('indicatorLib.values')}
                    </Button>
                  )}
                  {manage && !ind.builtIn && <EditRowButton onClick={() => setEditing({ key: ind.key })} />}
                  {manage && !ind.builtIn && (
                    <DeleteRowButton
                      name={zh ? ind.nameZh : ind.nameEn}
                      onDelete={() => remove.mutateAsync(ind.key)}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SettingsDrawer ind={settingsOf} manage={manage} onClose={() => setSettingsOf(null)} />
      <ExternalValuesDrawer ind={valuesOf} onClose={() => setValuesOf(null)} />
      <IndicatorFormDrawer
        open={editing !== null}
        ind={(editing?.key && indicators?.find((i) => i.key === editing.key)) || null}
        onClose={() => setEditing(null)}
      />
      <ImportValuesModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
