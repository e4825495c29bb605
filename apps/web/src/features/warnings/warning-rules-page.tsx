import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { WARNING_LEVELS, WARNING_RULE_KINDS, type WarningRule } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/indicators';
import { useWarningRules } from '../../api/warnings';
import { activeStatusColumn } from '../../components/active-status';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { EditRowButton } from '../../components/row-actions';
import { RuleDrawer } from './rule-drawer';
import { LEVEL_HEX } from './warning-tags';

const KIND_COLOR: Record<WarningRule['params']['kind'], string> = {
  threshold: 'blue',
  rise: 'volcano',
  batch: 'purple',
  hot_topic: 'cyan',
  group_complaint: 'red',
};

/** A rule's key parameters in one line, in the reader's language. */
function useRuleSummary() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const { data: indicators } = useIndicators();
  const indicatorName = (key: string) => {
    const i = indicators?.find((x) => x.key === key);
    return i ? (zh ? i.nameZh : i.nameEn) : key;
  };
  const orgKinds = (kinds: readonly string[]) =>
    kinds.map((k) => t(`orgKind.${k as 'branch'}`)).join(t('warning.listSep'));
  const types = (list: readonly string[]) =>
    list.map((v) => t(`ticketType.${v as 'complaint'}`)).join(t('warning.listSep'));
  return (r: WarningRule): string[] => {
    const p = r.params;
    switch (p.kind) {
      case 'threshold':
        return [
          t('warningRule.sumThreshold', {
            indicator: indicatorName(p.indicatorKey),
            days: p.windowDays,
            min: p.minDenominator,
          }),
          orgKinds(p.orgKinds),
        ];
      case 'rise': {
        const pcts = WARNING_LEVELS.flatMap((l) => {
          const v = l === 'yellow' ? p.yellowPct : l === 'orange' ? p.orangePct : p.redPct;
          return v === null ? [] : [`${t(`warningLevel.${l}`)} ≥ ${v}%`];
        });
        return [
          t('warningRule.sumRise', {
            indicator: indicatorName(p.indicatorKey),
            days: p.windowDays,
            min: p.minCount,
            alpha: p.alpha,
          }),
          pcts.join(' · '),
          orgKinds(p.orgKinds),
        ];
      }
      case 'batch':
        return [
          t('warningRule.sumBatch', {
            types: types(p.types),
            customers: p.minCustomers,
            minutes: p.windowMinutes,
          }),
          t(`warningLevel.${p.level}`),
        ];
      case 'hot_topic':
        return [
          t('warningRule.sumHotTopic', {
            types: types(p.types),
            days: p.windowDays,
            baseline: p.baselineDays,
            docs: p.minDocs,
            lift: p.minLift,
            top: p.topN,
          }),
          `${orgKinds(p.orgKinds)} · ${t(`warningLevel.${p.level}`)}`,
        ];
      case 'group_complaint':
        return [t('warningRule.sumGroupComplaint', { hours: p.lookbackHours })];
    }
  };
}

/**
 * 预警规则: what raises a warning — indicator thresholds, week-on-week rises, batch complaints, hot
 * topics, group complaints — with their key parameters, plan days per level and owner. People with
 * warnings:manage create and edit rules; everyone else with warnings:read sees them read-only.
 */
export default function WarningRulesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const manage = useCan()('warnings:manage');
  const { data: rules, isPending, isFetching, refetch } = useWarningRules();
  const summary = useRuleSummary();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  // grouped by kind (thresholds together, then rises…), by name within a kind
  const list = [...(rules ?? [])].sort(
    (a, b) =>
      WARNING_RULE_KINDS.indexOf(a.params.kind) - WARNING_RULE_KINDS.indexOf(b.params.kind) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const edited = editing?.id ? (list.find((r) => r.id === editing.id) ?? null) : null;

  return (
    <>
      <PageHeader
        title={t('warningRule.title')}
        subtitle={t('warningRule.subtitle')}
        extra={
          <>
            <RefreshButton fetching={isFetching} refetch={refetch} />
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ id: null })}
                data-testid="rule-create"
              >
                {t('warningRule.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: '8px 0' } }}>
        <Table<WarningRule>
          rowKey="id"
          size="middle"
          loading={isPending}
          dataSource={list}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('warningRule.noRules') }}
          data-testid="warning-rules-table"
          columns={[
            {
              title: t('warningRule.name'),
              dataIndex: 'name',
              width: en ? 230 : 200,
              render: (name: string, r) => (
                <Flex vertical align="flex-start" gap={4}>
                  <Typography.Text
                    strong={r.active}
                    type={r.active ? undefined : 'secondary'}
                    data-testid="rule-name"
                  >
                    {en && r.nameEn ? r.nameEn : name}
                  </Typography.Text>
                  <Tag
                    color={KIND_COLOR[r.params.kind]}
                    bordered={false}
                    style={{ marginInlineEnd: 0 }}
                    data-testid="rule-kind-tag"
                  >
                    {t(`warningKind.${r.params.kind}`)}
                  </Tag>
                </Flex>
              ),
            },
            {
              title: t('warningRule.params'),
              key: 'params',
              render: (_, r) => (
                <Flex vertical gap={2}>
                  {summary(r).map((line, i) => (
                    <Typography.Text
                      key={i}
                      type={i === 0 ? undefined : 'secondary'}
                      style={{ fontSize: i === 0 ? 14 : 12 }}
                    >
                      {line}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('warningRule.planDaysColumn'),
              key: 'planDays',
              width: 112,
              render: (_, r) => (
                <Space size={10} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {WARNING_LEVELS.map((l) => (
                    <span key={l} title={t(`warningLevel.${l}`)}>
                      <span style={{ color: LEVEL_HEX[l], marginInlineEnd: 2 }}>●</span>
                      {r.planDays[l]}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('warningRule.owner'),
              key: 'owner',
              width: en ? 150 : 130,
              render: (_, r) =>
                r.ownerDepartmentName ?? (
                  <Typography.Text type="secondary">{t('warningRule.ownerUnit')}</Typography.Text>
                ),
            },
            activeStatusColumn<WarningRule>(t),
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, r) =>
                manage ? (
                  <EditRowButton onClick={() => setEditing({ id: r.id })} />
                ) : (
                  <Button
                    type="link"
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => setEditing({ id: r.id })}
                  >
                    {t('warningRule.view')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <RuleDrawer open={editing !== null} rule={edited} readOnly={!manage} onClose={() => setEditing(null)} />
    </>
  );
}
