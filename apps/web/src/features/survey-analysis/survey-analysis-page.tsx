import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Segmented,
  Select,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrgUnits } from '../../api/org-units';
import { useSurveyAnalysis } from '../../api/survey-analysis';
import { useSurvey, useSurveys } from '../../api/surveys';
import { useOrgName } from '../../components/org-tree';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { analysisAlerts, questionTexts } from './analysis-format';
import { ElementsTable, UnitsTable } from './analysis-tables';
import { ANALYSIS_PERIODS, rangeOf, useAnalysisView, type AnalysisPeriod } from './analysis-view';
import { BreakdownCard } from './breakdown-card';
import { CommentsCard } from './comments-card';
import { HeadlineCards } from './headline-cards';
import { IpaCard } from './ipa-card';
import { ServqualCard } from './servqual-card';
import { TrendCard } from './trend-card';

/** The published surveys offered in the picker (the newest first); a survey in a link that is not among them is added. */
const SURVEY_LIST = { page: 1, pageSize: 100, state: 'published' as const };

/**
 * 满意度分析: one survey's answers in an org unit (with its subtree) and a period — answers and
 * response rate, CSAT, NPS and the satisfaction index, with plain warnings when the sample is
 * small; SERVQUAL gaps per question and dimension, the importance–performance grid, the perception
 * elements and the child units (a unit drills down); the figures over time, breakdowns by channel,
 * category, staff and unit, and the customers' own words with their keyword cloud. The view
 * (survey, unit, period) lives in the address, so a link reproduces it.
 */
export default function SurveyAnalysisPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const can = useCan();
  const scope = useOrgUnitScope();
  const orgName = useOrgName();
  const { data: units = [] } = useOrgUnits();
  const { view, patch } = useAnalysisView();
  const { data: list, isLoading: listLoading } = useSurveys(SURVEY_LIST);
  const surveys = useMemo(() => list?.items ?? [], [list]);
  const surveyId = view.survey ?? surveys[0]?.id;
  const { data: detail } = useSurvey(surveyId);

  // a unit in a shared link that is out of the reader's scope falls back to the header's unit
  const shownUnit =
    view.orgUnit && (!units.length || units.some((u) => u.id === view.orgUnit)) ? view.orgUnit : undefined;
  const orgUnit = shownUnit ?? scope.orgUnitId;
  const { from, to } = rangeOf(view, new Date());
  const params = useMemo(
    () => (surveyId ? { survey: surveyId, orgUnit, from, to } : undefined),
    [surveyId, orgUnit, from, to],
  );
  const { data, isFetching, isPlaceholderData, error, refetch } = useSurveyAnalysis(params);

  // a unit chosen in the header replaces the one drilled to
  const headerUnit = useRef(scope.orgUnitId);
  useEffect(() => {
    if (headerUnit.current === scope.orgUnitId) return;
    headerUnit.current = scope.orgUnitId;
    patch({ orgUnit: undefined });
  }, [scope.orgUnitId, patch]);

  const drill = useCallback((id: string) => patch({ orgUnit: id }, true), [patch]);
  const onPeriod = (p: AnalysisPeriod | 'custom') => {
    if (p !== 'custom') return patch({ period: p, from: undefined, to: undefined });
    // a custom period starts as the one shown, to be changed in the picker
    patch({ period: 'custom', from, to });
  };

  // the way back up, from the header's unit down to the one shown
  const trail = useMemo(() => {
    const out = [];
    for (let u = units.find((x) => x.id === orgUnit); u; u = units.find((x) => x.id === u!.parentId)) {
      out.unshift(u);
      if (u.id === scope.orgUnitId) break;
    }
    return out;
  }, [orgUnit, units, scope.orgUnitId]);

  // the questions' texts from the published version (answers of older versions keep their keys)
  const content =
    detail?.id === surveyId ? (detail?.published?.content ?? detail?.draft?.content) : undefined;
  const texts = useMemo(() => questionTexts(content, en), [content, en]);
  const textOf = useCallback((key: string) => texts.get(key) ?? key, [texts]);
  const order = useCallback(
    (key: string) => {
      const i = content?.questions.findIndex((q) => q.key === key) ?? -1;
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    },
    [content],
  );
  // until the survey is read, an empty SERVQUAL part says "no answers" rather than "no questions"
  const hasServqual = content ? content.questions.some((q) => q.type === 'servqual') : true;

  const surveyOptions = useMemo(() => {
    const opts = surveys.map((s) => ({ value: s.id, label: en ? s.nameEn : s.nameZh, code: s.code }));
    if (surveyId && detail?.id === surveyId && !opts.some((o) => o.value === surveyId))
      opts.unshift({ value: detail.id, label: en ? detail.nameEn : detail.nameZh, code: detail.code });
    return opts;
  }, [surveys, surveyId, detail, en]);

  const filters = (
    <Flex gap={8} wrap align="center" data-testid="analysis-filters">
      <Select
        style={{ width: 300 }}
        placeholder={t('surveyAnalysis.surveyPlaceholder')}
        value={surveyId}
        onChange={(survey: string) => patch({ survey })}
        loading={listLoading}
        showSearch={{ optionFilterProp: 'label' }}
        options={surveyOptions}
        optionRender={(o) => (
          <Flex justify="space-between" gap={8}>
            <Typography.Text ellipsis>{o.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
              {o.data.code}
            </Typography.Text>
          </Flex>
        )}
        aria-label={t('surveyAnalysis.survey')}
        data-testid="analysis-survey"
      />
      <OrgUnitTreeSelect
        style={{ width: 220 }}
        value={orgUnit}
        onChange={(id: string) => patch({ orgUnit: id }, true)}
        popupMatchSelectWidth={280}
        aria-label={t('surveyAnalysis.orgUnit')}
        data-testid="analysis-unit"
      />
      <Segmented
        value={view.period}
        onChange={(v) => onPeriod(v as AnalysisPeriod | 'custom')}
        options={[
          ...ANALYSIS_PERIODS.map((p) => ({ value: p, label: t(`surveyAnalysis.period_${p}`) })),
          { value: 'custom', label: t('surveyAnalysis.period_custom') },
        ]}
        data-testid="analysis-period"
      />
      {view.period === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) =>
            v?.[0] &&
            v[1] &&
            patch({ period: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
          }
        />
      ) : (
        <Typography.Text type="secondary" data-testid="analysis-range">
          {from} – {to}
        </Typography.Text>
      )}
    </Flex>
  );

  const header = (
    <PageHeader
      title={t('menu.surveyAnalysis')}
      subtitle={t('surveyAnalysis.subtitle')}
      extra={params && <RefreshButton refetch={refetch} fetching={isFetching} />}
    />
  );

  if (!listLoading && !surveyId) {
    return (
      <>
        {header}
        <Card>
          <Empty description={t('surveyAnalysis.noSurveys')} data-testid="analysis-no-surveys">
            <Typography.Paragraph type="secondary">{t('surveyAnalysis.noSurveysHint')}</Typography.Paragraph>
            {can('surveys:read') && (
              <Link to="/surveys">
                <Button type="primary">{t('surveyAnalysis.toSurveys')}</Button>
              </Link>
            )}
          </Empty>
        </Card>
      </>
    );
  }

  const noAnswers = data?.responses === 0;
  // without answers the empty state says so: the alerts are about figures that exist
  const alerts = data
    ? analysisAlerts(data, i18n.language).filter((a) => !(noAnswers && a.code === 'no_answers'))
    : [];
  return (
    <>
      {header}
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {filters}
        {trail.length > 1 && (
          <Breadcrumb
            data-testid="analysis-trail"
            items={trail.map((u) => ({
              key: u.id,
              title: u.id === orgUnit ? orgName(u) : <a onClick={() => drill(u.id)}>{orgName(u)}</a>,
            }))}
          />
        )}
      </Flex>
      {error && !data ? (
        <Alert
          type="error"
          showIcon
          title={t('surveyAnalysis.loadFailed')}
          description={error.message}
          action={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
          data-testid="analysis-error"
        />
      ) : !data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Spin spinning={isFetching && isPlaceholderData}>
          <Flex vertical gap={12}>
            {alerts.map((a) => (
              <Alert
                key={a.code}
                type={a.type}
                showIcon
                title={t(`surveyAnalysis.alert_${a.code}`, a.values)}
                data-testid={`analysis-alert-${a.code}`}
              />
            ))}
            <HeadlineCards a={data} />
            {noAnswers ? (
              <Card>
                <Empty description={t('surveyAnalysis.noAnswers')} data-testid="analysis-empty">
                  <Typography.Text type="secondary">{t('surveyAnalysis.noAnswersHint')}</Typography.Text>
                </Empty>
              </Card>
            ) : (
              <>
                {params && <TrendCard params={params} />}
                <ServqualCard
                  servqual={data.servqual}
                  textOf={textOf}
                  order={order}
                  hasServqual={hasServqual}
                />
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={13}>
                    <IpaCard ipa={data.ipa} textOf={textOf} hasServqual={hasServqual} />
                  </Col>
                  <Col xs={24} xl={11}>
                    <UnitsTable byUnit={data.byUnit} current={data.orgUnitId} units={units} onDrill={drill} />
                  </Col>
                </Row>
                <ElementsTable elements={data.elements} />
                {params && <BreakdownCard params={params} />}
                {params && <CommentsCard params={params} units={units} />}
              </>
            )}
          </Flex>
        </Spin>
      )}
    </>
  );
}
