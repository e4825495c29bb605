import { Badge, Card, Flex, Select, Table, Typography } from 'antd';
import type { BreakdownCell, Indicator } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorBreakdown, type Figure } from '../../api/indicators';
import { LEVEL_COLOURS } from '../../components/indicator-level';
import { breakdownLabel } from './breakdown-label';
import { ExportButton } from './export-button';
import { formatFigure, formatParts, indicatorName } from './figure';
import { useWallMode } from './wall-mode';

/** The league table's indicator when none is chosen: complaint-handling timeliness, else the first of the library. */
export const DEFAULT_LEAGUE_KEY = 'on_time_rate';

export function leagueIndicator(indicators: readonly Indicator[], chosen: string | undefined): Indicator | undefined {
  return indicators.find((i) => i.key === chosen) ?? indicators.find((i) => i.key === DEFAULT_LEAGUE_KEY) ?? indicators[0];
}

/**
 * 排名: the child units of the unit shown, ranked by one indicator (best first in its direction),
 * with numerator / denominator and the level each unit reaches against its own thresholds. Above
 * it, who owns the number here (13+N: the owning department, or the unit itself). A row drills
 * into that unit.
 */
export function LeagueTable({
  indicators, chosen, figure, onChoose, onDrill,
}: { indicators: Indicator[]; chosen: string | undefined; figure: Figure; onChoose: (key: string) => void; onDrill: (unitId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { refetchInterval } = useWallMode();
  const ind = leagueIndicator(indicators, chosen);
  const breakdown = useMemo(() => ({ ...figure, by: 'unit' as const }), [figure]);
  const { data, isFetching } = useIndicatorBreakdown(ind?.key, breakdown, { refetchInterval });
  const owner = data?.owner;
  const ownerName = owner ? (i18n.language.startsWith('zh') ? owner.name : (owner.nameEn ?? owner.name)) : null;
  return (
    <Card
      title={t('dashboard.league')}
      size="small"
      data-testid="dashboard-league"
      extra={
        <Flex gap={8} align="center">
          <Select
            size="small"
            style={{ width: 200 }}
            value={ind?.key}
            onChange={onChoose}
            showSearch={{ optionFilterProp: 'label' }}
            options={indicators.map((i) => ({ value: i.key, label: indicatorName(i, i18n.language) }))}
            data-testid="league-indicator"
          />
          <ExportButton indicatorKey={ind?.key} breakdown={breakdown} testId="league-export" />
        </Flex>
      }
    >
      {owner && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="league-owner">
          {t(owner.kind === 'department' ? 'dashboard.ownerDepartment' : 'dashboard.ownerUnit', { name: ownerName })}
        </Typography.Paragraph>
      )}
      <Table<BreakdownCell>
        rowKey="by"
        size="small"
        loading={isFetching && !data}
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('dashboard.noChildren') }}
        onRow={(r) => ({ onClick: () => onDrill(r.by), style: { cursor: 'pointer' } })}
        data-testid="league-table"
        columns={[
          { title: t('dashboard.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
          { title: t('dashboard.unit'), key: 'unit', ellipsis: true, render: (_, r) => <Typography.Link>{breakdownLabel(data?.labels, r.by, i18n.language)}</Typography.Link> },
          {
            title: ind ? indicatorName(ind, i18n.language) : '',
            key: 'value',
            align: 'right',
            render: (_, r) => (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                {r.level && <Badge color={LEVEL_COLOURS[r.level]} style={{ marginInlineEnd: 6 }} data-testid="league-level" />}
                {(ind && formatFigure(ind, r, i18n.language)) ?? <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>}
              </span>
            ),
          },
          {
            title: t('dashboard.parts'),
            key: 'parts',
            align: 'right',
            render: (_, r) => <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatParts(r, i18n.language) ?? ''}</Typography.Text>,
          },
        ]}
        summary={() =>
          data && ind ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('dashboard.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFigure(ind, data.total, i18n.language) ?? '—'}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatParts(data.total, i18n.language) ?? ''}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}
