import { Breadcrumb, Col, DatePicker, Empty, Row, Segmented, Spin } from 'antd';
import type { Indicator } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIndicators } from '../../api/indicators';
import { useOrgUnits } from '../../api/org-units';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgName } from '../../components/org-tree';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../components/require-permission';
import { WarningCountsStrip } from '../warnings/warning-counts';
import { warningsLink } from '../warnings/warning-list-state';
import { FigureDrawer } from './figure-drawer';
import { IndicatorTile } from './indicator-tile';
import { PERIODS, periodRange, type Period } from './periods';

/**
 * 数字看板: every indicator of the library for an org unit (with its descendants) and a period, each
 * tile with target and numerator / denominator; a tile drills down to the child units and to the
 * tickets behind the figure. Starts at the unit chosen in the header.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const scope = useOrgUnitScope();
  const orgName = useOrgName();
  const { data: units = [] } = useOrgUnits();
  const { data: all, isLoading } = useIndicators();
  // retired (inactive) custom indicators stay in the library, off the dashboard
  const indicators = useMemo(() => all?.filter((i) => i.active), [all]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period | 'custom'>('thisMonth');
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const [open, setOpen] = useState<Indicator | null>(null);

  const orgUnit = unitId ?? scope.orgUnitId;
  const range = period === 'custom' && custom ? custom : periodRange(period === 'custom' ? 'thisMonth' : period, new Date());
  const figure = { orgUnit, ...range };
  const unit = units.find((u) => u.id === orgUnit);
  const children = useMemo(() => units.filter((u) => u.parentId === orgUnit && u.active), [units, orgUnit]);
  // the way back up, from the header's unit down to the one shown
  const trail = useMemo(() => {
    const out = [];
    for (let u = unit; u; u = units.find((x) => x.id === u!.parentId)) {
      out.unshift(u);
      if (u.id === scope.orgUnitId) break;
    }
    return out;
  }, [unit, units, scope.orgUnitId]);

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <Row justify="space-between" align="middle" gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col>
          <Breadcrumb
            data-testid="dashboard-trail"
            items={trail.map((u) => ({ key: u.id, title: u.id === orgUnit ? orgName(u) : <a onClick={() => setUnitId(u.id)}>{orgName(u)}</a> }))}
          />
        </Col>
        <Col>
          <Segmented
            value={period}
            onChange={(v) => setPeriod(v as Period | 'custom')}
            options={[...PERIODS.map((p) => ({ value: p, label: t(`dashboard.period_${p}`) })), { value: 'custom', label: t('dashboard.period_custom') }]}
            data-testid="dashboard-period"
          />
          {period === 'custom' && (
            <DatePicker.RangePicker
              style={{ marginInlineStart: 8 }}
              value={custom ? [dayjs(custom.from), dayjs(custom.to)] : null}
              onChange={(v) => setCustom(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : null)}
            />
          )}
        </Col>
      </Row>
      {/* open warnings of the unit shown: each figure opens the warning list filtered by it */}
      {can('warnings:read') && (
        <div style={{ marginBottom: 16 }} data-testid="dashboard-warnings">
          <WarningCountsStrip
            orgUnit={orgUnit}
            title={t('warning.countsTitle')}
            extra={<Link to={warningsLink({ orgUnit })}>{t('warning.openCenter')}</Link>}
          />
        </div>
      )}
      {isLoading ? (
        <Spin />
      ) : !indicators?.length ? (
        <Empty />
      ) : (
        <Row gutter={[12, 12]} data-testid="dashboard-tiles">
          {indicators.map((ind) => (
            <Col key={ind.key} xs={24} sm={12} lg={8} xl={6}>
              <IndicatorTile ind={ind} figure={figure} onOpen={() => setOpen(ind)} />
            </Col>
          ))}
        </Row>
      )}
      <FigureDrawer ind={open} figure={figure} unit={unit} children={children} onDrill={(id) => setUnitId(id)} onClose={() => setOpen(null)} />
    </>
  );
}
