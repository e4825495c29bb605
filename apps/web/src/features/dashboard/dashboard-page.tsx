import { Breadcrumb, Button, Col, ConfigProvider, Empty, Flex, Row, Spin, theme } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import type { Indicator } from '@qloop/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIndicators } from '../../api/indicators';
import { useOrgUnits } from '../../api/org-units';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgName } from '../../components/org-tree';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../components/require-permission';
import { useCategoryTree } from '../tickets/categories';
import { WarningCountsStrip } from '../warnings/warning-counts';
import { warningsLink } from '../warnings/warning-list-state';
import { CategoryHeatmap } from './category-heatmap';
import { ChannelMix } from './channel-mix';
import { DashboardFilters } from './dashboard-filters';
import { figureOf, hasSlice, useDashboardView } from './dashboard-view';
import { FigureDrawer } from './figure-drawer';
import { IndicatorTile } from './indicator-tile';
import { LeagueTable } from './league-table';
import { ParetoChart } from './pareto-chart';
import { WallHeader } from './wall-header';
import { OFFICE_MODE, useEscapeToLeave, WALL_MODE, WallModeProvider } from './wall-mode';

/**
 * 数字看板: every indicator of the library for an org unit (with its descendants) and a period, each
 * tile with target, numerator / denominator, 环比 and 同比; then the child units ranked (排名), the
 * complaints' Pareto by category, a category × unit heatmap and the channel mix. Every chart drills
 * down: a unit goes to that unit, a category or channel becomes the filter. The view (unit, period,
 * filters) lives in the address, so a link reproduces it; `wall=1` is the wall screen (大屏模式).
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const scope = useOrgUnitScope();
  const orgName = useOrgName();
  const categories = useCategoryTree();
  const { data: units = [] } = useOrgUnits();
  const { data: all, isLoading } = useIndicators();
  // retired (inactive) custom indicators stay in the library, off the dashboard
  const indicators = useMemo(() => all?.filter((i) => i.active), [all]);
  const { view, patch, clearFilters } = useDashboardView();
  const [open, setOpen] = useState<Indicator | null>(null);

  // a unit in a shared link that is out of the reader's scope falls back to the header's unit
  const shownUnit = view.orgUnit && (!units.length || units.some((u) => u.id === view.orgUnit)) ? view.orgUnit : undefined;
  const { from, to, orgUnit, type, channel, category } = figureOf({ ...view, orgUnit: shownUnit }, scope.orgUnitId, new Date());
  // one object per view, so the queries' keys and the charts' options stay put between renders
  const figure = useMemo(() => ({ orgUnit, from, to, type, channel, category }), [orgUnit, from, to, type, channel, category]);
  const filtered = hasSlice(view);
  const unit = units.find((u) => u.id === orgUnit);
  const children = useMemo(() => units.filter((u) => u.parentId === orgUnit && u.active).sort((a, b) => a.code.localeCompare(b.code)), [units, orgUnit]);
  const childOrder = useMemo(() => children.map((u) => u.id), [children]);
  // the way back up, from the header's unit down to the one shown
  const trail = useMemo(() => {
    const out = [];
    for (let u = unit; u; u = units.find((x) => x.id === u!.parentId)) {
      out.unshift(u);
      if (u.id === scope.orgUnitId) break;
    }
    return out;
  }, [unit, units, scope.orgUnitId]);

  // a unit chosen in the header replaces the one drilled to
  const headerUnit = useRef(scope.orgUnitId);
  useEffect(() => {
    if (headerUnit.current === scope.orgUnitId) return;
    headerUnit.current = scope.orgUnitId;
    patch({ orgUnit: undefined });
  }, [scope.orgUnitId, patch]);

  const drill = useCallback((id: string) => patch({ orgUnit: id }, true), [patch]);
  const leaveWall = useCallback(() => patch({ wall: false }), [patch]);
  useEscapeToLeave(view.wall, !!open, leaveWall);

  const periodText = view.period === 'custom' ? `${from} – ${to}` : `${t(`dashboard.period_${view.period}`)} · ${from} – ${to}`;
  const filterTags = [
    ...(view.type ? [t(`ticketType.${view.type}`)] : []),
    ...(view.channel ? [t(`channel.${view.channel}`)] : []),
    ...(view.category ? [categories.path(view.category) ?? ''] : []),
  ];

  const body = (
    <>
      {isLoading ? (
        <Spin />
      ) : !indicators?.length ? (
        <Empty />
      ) : (
        <Row gutter={[12, 12]} data-testid="dashboard-tiles">
          {indicators.map((ind) => (
            <Col key={ind.key} xs={24} sm={12} lg={8} xl={6} xxl={view.wall ? 4 : 6}>
              <IndicatorTile ind={ind} figure={figure} filtered={filtered} onOpen={() => setOpen(ind)} />
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <LeagueTable indicators={indicators ?? []} chosen={view.league} figure={figure} onChoose={(league) => patch({ league })} onDrill={drill} />
        </Col>
        <Col xs={24} xl={12}>
          <ParetoChart figure={figure} onCategory={(c) => patch({ category: c })} />
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}>
          <CategoryHeatmap
            figure={figure}
            level={view.heatLevel}
            unitOrder={childOrder}
            onLevel={(heatLevel) => patch({ heatLevel })}
            onCell={(u, c) => patch({ orgUnit: u, category: c }, true)}
          />
        </Col>
        <Col xs={24} xl={10}>
          <ChannelMix figure={figure} onChannel={(c) => patch({ channel: c })} />
        </Col>
      </Row>
      <FigureDrawer ind={open} figure={figure} unit={unit} children={children} onDrill={drill} onClose={() => setOpen(null)} />
    </>
  );

  if (view.wall) {
    return (
      <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: 16 } }}>
        <WallModeProvider value={WALL_MODE}>
          <div className="qloop-wall" data-testid="dashboard-wall">
            <WallHeader unitName={unit ? orgName(unit) : ''} period={periodText} filters={filterTags} onLeave={leaveWall} />
            {body}
          </div>
        </WallModeProvider>
      </ConfigProvider>
    );
  }

  return (
    <WallModeProvider value={OFFICE_MODE}>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Button icon={<FullscreenOutlined />} onClick={() => patch({ wall: true })} data-testid="wall-enter">
            {t('dashboard.wallMode')}
          </Button>
        }
      />
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Breadcrumb
          data-testid="dashboard-trail"
          items={trail.map((u) => ({ key: u.id, title: u.id === orgUnit ? orgName(u) : <a onClick={() => drill(u.id)}>{orgName(u)}</a> }))}
        />
        <DashboardFilters view={view} patch={patch} clear={clearFilters} />
      </Flex>
      {/* open warnings of the unit shown: each figure opens the warning list filtered by it */}
      {can('warnings:read') && (
        <div style={{ marginBottom: 16 }} data-testid="dashboard-warnings">
          <WarningCountsStrip orgUnit={orgUnit} title={t('warning.countsTitle')} extra={<Link to={warningsLink({ orgUnit })}>{t('warning.openCenter')}</Link>} />
        </div>
      )}
      {body}
    </WallModeProvider>
  );
}
