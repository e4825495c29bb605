import { Card, Progress, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { OrgUnit, SurveyAnalysis } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgName } from '../../components/org-tree';
import { useCategoryTree } from '../tickets/categories';
import { formatScore, unitRows } from './analysis-format';

type Element = SurveyAnalysis['elements'][number];
type UnitRow = SurveyAnalysis['byUnit'][number] & { self: boolean };

/** 感知要素: each element's mean on 0–100, its answers, its weight and its points in the satisfaction index. */
export function ElementsTable({ elements }: { elements: SurveyAnalysis['elements'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const categories = useCategoryTree();
  const rows = useMemo(
    () => [...elements].sort((a, b) => (b.contribution ?? -1) - (a.contribution ?? -1)),
    [elements],
  );
  return (
    <Card
      size="small"
      title={t('surveyAnalysis.elementsTitle')}
      data-testid="analysis-elements"
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('surveyAnalysis.elementsHint')}
      </Typography.Paragraph>
      <Table<Element>
        rowKey="elementId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('surveyAnalysis.noElements') }}
        loading={categories.loading}
        data-testid="elements-table"
        columns={[
          {
            title: t('surveyAnalysis.element'),
            key: 'element',
            ellipsis: true,
            render: (_, r) => (
              <Tooltip title={categories.path(r.elementId)}>
                {categories.name(r.elementId) ?? t('surveyAnalysis.unknownElement')}
              </Tooltip>
            ),
          },
          {
            title: t('surveyAnalysis.mean'),
            dataIndex: 'mean',
            width: 170,
            render: (v: number | null) =>
              v === null ? (
                '—'
              ) : (
                <Progress
                  percent={v}
                  size="small"
                  showInfo
                  format={() => formatScore(v, locale)}
                  strokeColor={v >= 80 ? '#52c41a' : v >= 60 ? '#1677ff' : '#fa8c16'}
                />
              ),
          },
          { title: t('surveyAnalysis.answers'), dataIndex: 'n', width: 80, align: 'right' },
          {
            title: t('surveyAnalysis.weight'),
            dataIndex: 'weight',
            width: 70,
            align: 'right',
            render: (v: number | null) => formatScore(v, locale),
          },
          {
            title: (
              <Tooltip title={t('surveyAnalysis.contributionHint')}>
                {t('surveyAnalysis.contribution')}{' '}
                <QuestionCircleOutlined style={{ color: '#bfbfbf', fontSize: 12 }} />
              </Tooltip>
            ),
            dataIndex: 'contribution',
            width: 170,
            align: 'right',
            render: (v: number | null) => formatScore(v, locale),
          },
        ]}
      />
    </Card>
  );
}

/** 下级单位: the child units' answers, CSAT and NPS; a row drills into its unit (the unit itself, when it has answers of its own, does not). */
export function UnitsTable({
  byUnit,
  current,
  units,
  onDrill,
}: {
  byUnit: SurveyAnalysis['byUnit'];
  current: string;
  units: readonly OrgUnit[];
  onDrill: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const orgName = useOrgName();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const rows = useMemo(
    () => unitRows(byUnit, current, (id) => byId.get(id)?.code ?? id),
    [byUnit, current, byId],
  );
  const nameOf = (id: string) => {
    const u = byId.get(id);
    return u ? orgName(u) : id;
  };
  return (
    <Card
      size="small"
      title={t('surveyAnalysis.unitsTitle')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('surveyAnalysis.unitsHint')}
        </Typography.Text>
      }
      data-testid="analysis-units"
      style={{ height: '100%' }}
    >
      <Table<UnitRow>
        rowKey="orgUnitId"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('surveyAnalysis.noChildren') }}
        onRow={(r) => (r.self ? {} : { onClick: () => onDrill(r.orgUnitId), style: { cursor: 'pointer' } })}
        data-testid="units-table"
        columns={[
          {
            title: t('surveyAnalysis.unit'),
            key: 'unit',
            ellipsis: true,
            render: (_, r) =>
              r.self ? (
                t('surveyAnalysis.unitSelf', { name: nameOf(r.orgUnitId) })
              ) : (
                <Typography.Link>{nameOf(r.orgUnitId)}</Typography.Link>
              ),
          },
          {
            title: t('surveyAnalysis.answers'),
            dataIndex: 'responses',
            width: 100,
            align: 'right',
            sorter: (a, b) => a.responses - b.responses,
          },
          {
            title: 'CSAT',
            dataIndex: 'csat',
            width: 88,
            align: 'right',
            sorter: (a, b) => (a.csat ?? -1) - (b.csat ?? -1),
            render: (v: number | null) => (v === null ? '—' : `${formatScore(v, locale)}%`),
          },
          {
            title: 'NPS',
            dataIndex: 'nps',
            width: 72,
            align: 'right',
            sorter: (a, b) => (a.nps ?? -101) - (b.nps ?? -101),
            render: (v: number | null) => formatScore(v, locale),
          },
        ]}
      />
    </Card>
  );
}
