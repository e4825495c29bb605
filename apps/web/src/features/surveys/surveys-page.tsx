import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { LIMITS, SURVEY_STATES, type SurveyState, type SurveySummary } from '@qloop/contracts';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSurveys, type SurveyFilters } from '../../api/surveys';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { listEmptyText } from '../../components/list-empty';
import { ListHeaderActions, ListSearch } from '../../components/list-page-parts';
import { useCan } from '../../components/require-permission';
import { useServerPagedTable } from '../../components/server-paged-table';
import { SurveyStateTag } from './survey-tags';

const initialFilters: SurveyFilters = { page: 1, pageSize: LIMITS.pageSizeDefault, sort: '-updatedAt' };

/** A version number as the list shows it, or a dash. */
function VersionCell({ v, testId }: { v: number | null; testId: string }) {
  return v === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
      v{v}
    </span>
  );
}

/**
 * 问卷管理: the surveys, filtered by state and code or name, sorted and paged by the server, with
 * their published and draft versions. People with surveys:manage create surveys here.
 */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const manage = useCan()('surveys:manage');
  const navigate = useNavigate();
  const paged = useServerPagedTable(initialFilters);
  const { filters, patch } = paged;
  const { data, isFetching, isLoading, refetch, error } = useSurveys(filters);
  const filtered = !!filters.state || !!filters.q;
  const reset = paged.reset;

  return (
    <>
      <PageHeader
        title={t('survey.title')}
        subtitle={t('survey.subtitle')}
        extra={
          <ListHeaderActions
            refetch={refetch}
            fetching={isFetching}
            createLabel={t('survey.create')}
            onCreate={manage && (() => navigate('/surveys/new'))}
            createTestId="survey-create"
          />
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }}>
          <ListSearch applied={filters.q} onSearch={(q) => patch({ q })} placeholder={t('survey.searchPlaceholder')} width={280} testId="survey-search" />
          <Select<SurveyState>
            allowClear
            style={{ width: en ? 150 : 130 }}
            placeholder={t('survey.allStates')}
            value={filters.state}
            onChange={(state) => patch({ state })}
            options={SURVEY_STATES.map((s) => ({ value: s, label: t(`survey.state_${s}`) }))}
            data-testid="survey-filter-state"
          />
          <Button onClick={reset} disabled={!filtered && filters.sort === initialFilters.sort}>
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<SurveySummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 960 }}
          data-testid="surveys-table"
          onRow={(r) => ({ 'data-testid': `survey-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
          {...paged.tableProps<SurveySummary>(data?.total)}
          locale={{ emptyText: listEmptyText({ loading: isLoading, error, text: t('survey.empty'), hint: !filtered && t('survey.emptyHint'), onClear: filtered && reset }) }}
          columns={[
            {
              // name and code share a column, so the versions and counts fit a 1280-wide screen
              title: t('survey.nameCode'),
              dataIndex: 'code',
              sorter: true,
              sortOrder: paged.sortOrder('code'),
              render: (code: string, r) => (
                <div className="qloop-cell-2" style={{ minWidth: 0 }}>
                  <Link
                    to={`/surveys/${r.id}`}
                    className="qloop-survey-name"
                    title={en ? r.nameEn : r.nameZh}
                    data-testid="survey-name-link"
                  >
                    {en ? r.nameEn : r.nameZh}
                  </Link>
                  <Link
                    to={`/surveys/${r.id}`}
                    className="qloop-cell-sub"
                    style={{ fontFamily: 'monospace', display: 'block' }}
                    data-testid="survey-code-link"
                  >
                    {code}
                  </Link>
                </div>
              ),
            },
            {
              title: t('survey.state'),
              dataIndex: 'state',
              width: en ? 110 : 90,
              render: (s: SurveyState) => <SurveyStateTag state={s} testId="survey-state" />,
            },
            {
              title: t('survey.publishedVersion'),
              dataIndex: 'publishedVersion',
              width: en ? 110 : 96,
              align: 'center',
              render: (v: number | null) => <VersionCell v={v} testId="survey-published-version" />,
            },
            {
              title: t('survey.draftVersion'),
              dataIndex: 'draftVersion',
              width: 96,
              align: 'center',
              render: (v: number | null) => <VersionCell v={v} testId="survey-draft-version" />,
            },
            {
              title: t('survey.questionCount'),
              dataIndex: 'questions',
              width: en ? 100 : 72,
              align: 'right',
            },
            {
              title: t('survey.responses'),
              dataIndex: 'responses',
              width: en ? 120 : 110,
              align: 'right',
              sorter: true,
              sortOrder: paged.sortOrder('responses'),
              render: (n: number) => (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.toLocaleString()}</span>
              ),
            },
            {
              title: t('survey.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              sorter: true,
              sortOrder: paged.sortOrder('updatedAt'),
              render: (v: string) => (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
