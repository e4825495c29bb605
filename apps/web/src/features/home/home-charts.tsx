import { Empty, Spin } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { ORG_UNIT_KINDS, ROLES, pageOf, User, type OrgUnit } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { EChart, type ChartOption } from '../../components/echart';

const UserPage = pageOf(User);

/**
 * Users per role in the selected unit. One `pageSize=1` call per role reads the server's exact
 * `total`, so the chart stays right however many users there are (no client-side sampling).
 */
export function UsersByRoleChart({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useTranslation();
  const results = useQueries({
    queries: ROLES.map((role) => ({
      queryKey: ['users', { page: 1, pageSize: 1, orgUnitId, role }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get('/users', UserPage, { page: 1, pageSize: 1, orgUnitId, role }, signal),
    })),
  });
  const pending = results.some((r) => r.isPending);
  const counts = results.map((r) => r.data?.total ?? 0);
  const key = counts.join(',');

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: ROLES.map((r) => t(`role.${r}`)), inverse: true },
      series: [
        {
          type: 'bar',
          data: key.split(',').map(Number),
          barMaxWidth: 22,
          itemStyle: { color: '#1677ff', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [key, t],
  );

  if (pending) return <Spin style={{ display: 'block', padding: 100 }} />;
  return <EChart option={option} height={300} />;
}

/** Org units in scope by kind (for roles that may not list users). */
export function OrgKindChart({ units }: { units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          label: { formatter: '{b}：{c}' },
          data: ORG_UNIT_KINDS.map((k) => ({ name: t(`orgKind.${k}`), value: units.filter((u) => u.kind === k).length })).filter(
            (d) => d.value > 0,
          ),
        },
      ],
    }),
    [units, t],
  );
  if (units.length === 0) return <Empty />;
  return <EChart option={option} height={300} />;
}
