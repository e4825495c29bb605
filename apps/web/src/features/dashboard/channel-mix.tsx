import { Card, Empty, Segmented, Space, Spin } from 'antd';
import { CHANNELS, type Channel } from '@qloop/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorBreakdown, type Figure } from '../../api/indicators';
import { EChart, type ChartOption } from '../../components/echart';
import { ExportButton } from './export-button';
import { COMPLAINTS_KEY } from './pareto-chart';
import { useWallMode } from './wall-mode';

const isChannel = (k: string): k is Channel => (CHANNELS as readonly string[]).includes(k);

/** All tickets accepted (受理量), or complaints only. */
const MIX_KEYS = { all: 'tickets_accepted', complaints: COMPLAINTS_KEY } as const;

/**
 * 渠道构成: the tickets of the period by the channel they came in through — all of them (受理量) or
 * complaints only. A slice sets the channel filter.
 */
export function ChannelMix({ figure, onChannel }: { figure: Figure; onChannel: (c: Channel) => void }) {
  const { t } = useTranslation();
  const { wall, refetchInterval } = useWallMode();
  const [of, setOf] = useState<keyof typeof MIX_KEYS>('all');
  const key = MIX_KEYS[of];
  const breakdown = useMemo(() => ({ ...figure, by: 'channel' as const }), [figure]);
  const { data, isLoading } = useIndicatorBreakdown(key, breakdown, { refetchInterval });
  const slices = useMemo(
    () => (data?.rows ?? []).filter((r) => r.value !== null && r.value > 0 && isChannel(r.by)).map((r) => ({ key: r.by as Channel, name: t(`channel.${r.by as Channel}`), value: r.value! })),
    [data, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { name: string; value: number; percent: number }; return `${q.name}<br/>${t(of === 'all' ? 'dashboard.ticketCount' : 'dashboard.complaintCount', { n: q.value })} (${q.percent}%)`; } },
      legend: { bottom: 0, left: 'center', textStyle: { fontSize: wall ? 14 : 12 } },
      series: [
        {
          type: 'pie',
          radius: ['40%', '62%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          // the names are in the legend below
          label: { formatter: '{d}%', fontSize: wall ? 14 : 11 },
          data: slices.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    }),
    [slices, t, wall, of],
  );
  return (
    <Card title={t('dashboard.channelMix')} size="small" data-testid="dashboard-channel-mix" extra={
        <Space size={8}>
          <Segmented size="small" value={of} onChange={(v) => setOf(v as typeof of)} options={[{ value: 'all', label: t('dashboard.mixAll') }, { value: 'complaints', label: t('dashboard.mixComplaints') }]} data-testid="channel-mix-of" />
          <ExportButton indicatorKey={key} breakdown={breakdown} testId="channel-mix-export" />
        </Space>
      }>
      {isLoading ? (
        <Spin />
      ) : !slices.length ? (
        <Empty description={t('dashboard.noData')} />
      ) : (
        <div data-testid="channel-mix-chart">
          <EChart option={option} height={wall ? 360 : 300} dark={wall} onClick={(e) => e.dataIndex !== undefined && slices[e.dataIndex] && onChannel(slices[e.dataIndex]!.key)} />
        </div>
      )}
    </Card>
  );
}
