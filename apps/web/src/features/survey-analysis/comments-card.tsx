import { Card, Col, Flex, Row, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { SCORE_BANDS, type OrgUnit, type ScoreBand, type SURVEY_COMMENT_SORTS } from '@qloop/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnalysisParams } from '../../api/survey-analysis';
import { useSurveyComments, useSurveyKeywords } from '../../api/survey-insights';
import { formatScore } from './analysis-format';
import { CommentsList } from './comments-list';
import { KeywordCloud } from './keyword-cloud';

type Sort = (typeof SURVEY_COMMENT_SORTS)[number];
const SORTS = [
  { value: '-createdAt', key: 'newest' },
  { value: 'createdAt', key: 'oldest' },
  { value: 'csat', key: 'csat' },
  { value: 'nps', key: 'nps' },
] as const satisfies readonly { value: Sort; key: string }[];
const PAGE_SIZE = 8;
const CLOUD_SIZE = 40;

/**
 * 客户原话: the keyword cloud of the comments beside the comments themselves. The NPS band narrows
 * both; a keyword clicked in the cloud narrows the list to the comments containing it (marked in
 * the text); the list is sorted and paged by the server.
 */
export function CommentsCard({ params, units }: { params: SurveyAnalysisParams; units: readonly OrgUnit[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [band, setBand] = useState<ScoreBand | undefined>();
  const [keyword, setKeyword] = useState<string | undefined>();
  const [sort, setSort] = useState<Sort>('-createdAt');
  const [page, setPage] = useState(1);
  const cloud = useSurveyKeywords(params, band, CLOUD_SIZE);
  const comments = useSurveyComments(params, { band, keyword, sort, page, pageSize: PAGE_SIZE });
  const total = comments.data?.total ?? 0;

  return (
    <Frame
      title={t('surveyInsights.commentsTitle')}
      band={band}
      onBand={(b) => {
        setBand(b);
        setPage(1);
      }}
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={10}>
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('surveyInsights.cloudTitle')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 4px' }}>
            {t('surveyInsights.cloudHint')}
          </Typography.Paragraph>
          <Spin spinning={cloud.isFetching && !!cloud.data}>
            {cloud.error && !cloud.data ? (
              <Typography.Text type="danger">{cloud.error.message}</Typography.Text>
            ) : !cloud.data ? (
              <Flex justify="center" style={{ padding: 32 }}>
                <Spin />
              </Flex>
            ) : (
              <KeywordCloud
                keywords={cloud.data.items}
                selected={keyword}
                onSelect={(k) => {
                  setKeyword(k);
                  setPage(1);
                }}
              />
            )}
          </Spin>
        </Col>
        <Col xs={24} xl={14}>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="comments-total">
                {t('surveyInsights.commentsCount', { n: formatScore(total, locale, 0) })}
              </Typography.Text>
              {keyword && (
                <Tag
                  closable
                  color="processing"
                  onClose={() => {
                    setKeyword(undefined);
                    setPage(1);
                  }}
                  data-testid="comments-keyword"
                >
                  {t('surveyInsights.keywordFilter', { keyword })}
                </Tag>
              )}
            </Flex>
            <Select
              size="small"
              style={{ width: 150 }}
              value={sort}
              onChange={(s: Sort) => {
                setSort(s);
                setPage(1);
              }}
              options={SORTS.map((s) => ({ value: s.value, label: t(`surveyInsights.sort_${s.key}`) }))}
              aria-label={t('surveyInsights.sort')}
              data-testid="comments-sort"
            />
          </Flex>
          {comments.error && !comments.data ? (
            <Typography.Text type="danger">{comments.error.message}</Typography.Text>
          ) : (
            <CommentsList
              items={comments.data?.items ?? []}
              total={total}
              page={page}
              pageSize={PAGE_SIZE}
              loading={comments.isFetching}
              keyword={keyword}
              units={units}
              onPage={setPage}
            />
          )}
        </Col>
      </Row>
    </Frame>
  );
}

/** The card's frame: its title and the NPS band that narrows the cloud and the list. */
function Frame({
  title,
  band,
  onBand,
  children,
}: {
  title: string;
  band: ScoreBand | undefined;
  onBand: (b: ScoreBand | undefined) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      data-testid="analysis-comments"
      extra={
        <Segmented
          size="small"
          value={band ?? 'all'}
          onChange={(v) => onBand(v === 'all' ? undefined : (v as ScoreBand))}
          options={[
            { value: 'all', label: t('surveyInsights.band_all') },
            ...SCORE_BANDS.map((b) => ({ value: b, label: t(`surveyInsights.band_${b}`) })),
          ]}
          data-testid="comments-band"
        />
      }
    >
      {children}
    </Card>
  );
}
