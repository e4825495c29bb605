import { Badge, Drawer, Flex, Segmented, Table, Tabs, Typography } from 'antd';
import type { BreakdownCell, Indicator, OrgUnit, TicketSummary } from '@qloop/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIndicatorBreakdown, useIndicatorTickets, type Figure } from '../../api/indicators';
import { ExportButton } from './export-button';
import { formatDateTime } from '../../components/format';
import { useOrgName } from '../../components/org-tree';
import { StateTag } from '../tickets/ticket-tags';
import { LEVEL_COLOURS } from '../../components/indicator-level';
import { formatFigure, formatParts } from './figure';
import { TrendChart } from './trend-chart';

/** A child unit's figure, one row of the breakdown. */
function ChildFigure({ ind, row }: { ind: Indicator; row: BreakdownCell | undefined }) {
  const { i18n, t } = useTranslation();
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {row?.level && <Badge color={LEVEL_COLOURS[row.level]} style={{ marginInlineEnd: 6 }} />}
      {formatFigure(ind, row, i18n.language) ?? <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {formatParts(row, i18n.language) ?? ''}
      </Typography.Text>
    </span>
  );
}

/**
 * The drill-down of one figure: the org unit's children with their own figures (click one to go
 * down a level), and the tickets the figure counts — exactly as many as its numerator (or
 * denominator) says.
 */
export function FigureDrawer({
  ind, figure, unit, children, onDrill, onClose,
}: { ind: Indicator | null; figure: Figure; unit: OrgUnit | undefined; children: OrgUnit[]; onDrill: (id: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const orgName = useOrgName();
  const [part, setPart] = useState<'numerator' | 'denominator'>('numerator');
  const [page, setPage] = useState(1);
  const ratio = ind?.formula.kind === 'ratio';
  // open-ticket counts are listed in the work list; external figures and survey answers have no tickets list behind them
  const traced = !!ind && ind.formula.kind !== 'live' && ind.formula.kind !== 'external' && ind.formula.kind !== 'survey';
  const { data: tickets, isFetching } = useIndicatorTickets(ind?.key ?? '', { ...figure, part: ratio ? part : 'numerator', page, pageSize: 20 }, traced);
  const name = ind ? (i18n.language.startsWith('zh') ? ind.nameZh : ind.nameEn) : '';
  // every child unit's figure in one breakdown (the same the league table and its export show)
  const byUnit = useMemo(() => ({ ...figure, by: 'unit' as const }), [figure]);
  const { data: breakdown, isFetching: unitsLoading } = useIndicatorBreakdown(ind ? ind.key : undefined, byUnit);
  const rowOf = useMemo(() => new Map((breakdown?.rows ?? []).map((r) => [r.by, r])), [breakdown]);
  return (
    <Drawer open={!!ind} onClose={onClose} size={720} title={`${name} · ${unit ? orgName(unit) : ''} · ${figure.from} – ${figure.to}`} destroyOnHidden data-testid="figure-drawer">
      {ind && (
        <Tabs
          defaultActiveKey="units"
          items={[
            ...(ind.formula.kind === 'live'
              ? []
              : [{ key: 'trend', label: t('dashboard.trend'), children: <TrendChart ind={ind} figure={figure} /> }]),
            {
              key: 'units',
              label: t('dashboard.byUnit'),
              children: (
                <>
                  <Flex justify="end" style={{ marginBottom: 8 }}>
                    <ExportButton indicatorKey={ind.key} breakdown={byUnit} testId="figure-units-export" />
                  </Flex>
                  <Table<OrgUnit>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    loading={unitsLoading}
                    dataSource={children}
                    locale={{ emptyText: t('dashboard.noChildren') }}
                    onRow={(u) => ({ onClick: () => onDrill(u.id), style: { cursor: 'pointer' } })}
                    data-testid="figure-units"
                    columns={[
                      { title: t('dashboard.unit'), key: 'name', render: (_, u) => <Typography.Link>{orgName(u)}</Typography.Link> },
                      { title: name, key: 'value', render: (_, u) => <ChildFigure ind={ind} row={rowOf.get(u.id)} /> },
                    ]}
                  />
                </>
              ),
            },
            ...(!traced
              ? []
              : [
                  {
                    key: 'tickets',
                    label: t('dashboard.tickets'),
                    children: (
                      <>
                          {ratio && (
                            <Segmented
                              value={part}
                              onChange={(v) => { setPart(v as typeof part); setPage(1); }}
                              options={[{ value: 'numerator', label: t('dashboard.numerator') }, { value: 'denominator', label: t('dashboard.denominator') }]}
                              style={{ marginBottom: 12 }}
                            />
                          )}
                          <Table<TicketSummary>
                            rowKey="id"
                            size="small"
                            loading={isFetching}
                            dataSource={tickets?.items ?? []}
                            data-testid="figure-tickets"
                            pagination={{ current: page, pageSize: 20, total: tickets?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { total: n }) }}
                            columns={[
                              { title: t('ticket.no'), dataIndex: 'no', width: 150, render: (no: string, r) => <Link to={`/tickets/${r.id}`}>{no}</Link> },
                              { title: t('ticket.title'), dataIndex: 'title', ellipsis: true },
                              { title: t('ticket.state'), dataIndex: 'state', width: 90, render: (s: TicketSummary['state']) => <StateTag state={s} /> },
                              { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
                            ]}
                          />
                      </>
                    ),
                  },
                ]),
          ]}
        />
      )}
    </Drawer>
  );
}
