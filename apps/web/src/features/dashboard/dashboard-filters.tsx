import { Button, DatePicker, Flex, Segmented, Select, TreeSelect } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { CHANNELS, REQUEST_TYPES } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCategoryTree } from '../tickets/categories';
import { hasSlice, type DashboardView } from './dashboard-view';
import { PERIODS, periodRange, type Period } from './periods';

/**
 * The dashboard's filter bar: the period, then what narrows every figure — request type, channel,
 * category (with its subtree) — with a button that clears those.
 */
export function DashboardFilters({ view, patch, clear }: { view: DashboardView; patch: (p: Partial<DashboardView>) => void; clear: () => void }) {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  const onPeriod = (p: Period | 'custom') => {
    if (p !== 'custom') return patch({ period: p, from: undefined, to: undefined });
    // a custom period starts as the one shown, to be changed in the picker
    const shown = view.period === 'custom' ? { from: view.from, to: view.to } : periodRange(view.period, new Date());
    patch({ period: 'custom', ...shown });
  };
  return (
    <Flex gap={8} wrap align="center" data-testid="dashboard-filters">
      <Segmented
        value={view.period}
        onChange={(v) => onPeriod(v as Period | 'custom')}
        options={[...PERIODS.map((p) => ({ value: p, label: t(`dashboard.period_${p}`) })), { value: 'custom', label: t('dashboard.period_custom') }]}
        data-testid="dashboard-period"
      />
      {view.period === 'custom' && (
        <DatePicker.RangePicker
          allowClear={false}
          value={view.from && view.to ? [dayjs(view.from), dayjs(view.to)] : null}
          onChange={(v) => v?.[0] && v[1] && patch({ period: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        />
      )}
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('dashboard.filterType')}
        value={view.type}
        onChange={(type) => patch({ type })}
        options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`ticketType.${v}`) }))}
        data-testid="filter-type"
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('dashboard.filterChannel')}
        value={view.channel}
        onChange={(channel) => patch({ channel })}
        options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))}
        data-testid="filter-channel"
      />
      <TreeSelect<string>
        allowClear
        showSearch
        style={{ width: 200 }}
        placeholder={t('dashboard.filterCategory')}
        value={view.category}
        onChange={(category) => patch({ category })}
        treeData={categories.tree.map((n) => ({ ...n, selectable: true }))}
        treeNodeFilterProp="path"
        treeNodeLabelProp="path"
        popupMatchSelectWidth={320}
        loading={categories.loading}
        data-testid="filter-category"
      />
      <Button icon={<ClearOutlined />} disabled={!hasSlice(view)} onClick={clear} data-testid="filter-clear">
        {t('dashboard.clearFilters')}
      </Button>
    </Flex>
  );
}
