import { Flex, List, Tag, Typography } from 'antd';
import type { OrgUnit, SurveyComment } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgName } from '../../components/org-tree';
import { BAND_COLOURS, bandOf, csatColour, highlightParts } from './insights-format';

/** One comment's text with the keyword it was found by marked. */
function Highlighted({ text, keyword }: { text: string; keyword: string | undefined }) {
  return (
    <>
      {highlightParts(text, keyword).map((p, i) =>
        p.hit ? (
          <mark
            key={i}
            style={{ background: '#ffe58f', padding: '0 1px', borderRadius: 2 }}
            data-testid="comment-hit"
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The comments (原话) of a page: each with its CSAT and NPS (coloured by how satisfied), the unit,
 * the channel and when it was written, the keyword it was found by highlighted.
 */
export function CommentsList({
  items,
  total,
  page,
  pageSize,
  loading,
  keyword,
  units,
  onPage,
}: {
  items: readonly SurveyComment[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  keyword: string | undefined;
  units: readonly OrgUnit[];
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const orgName = useOrgName();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const unitName = (id: string | null) => {
    const u = id ? byId.get(id) : undefined;
    return u ? orgName(u) : null;
  };
  return (
    <List<SurveyComment>
      size="small"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: t('surveyInsights.noComments') }}
      data-testid="comments-list"
      pagination={
        total > pageSize
          ? {
              current: page,
              pageSize,
              total,
              onChange: onPage,
              size: 'small',
              showSizeChanger: false,
              align: 'end',
            }
          : false
      }
      renderItem={(c) => {
        const band = bandOf(c.nps);
        return (
          <List.Item
            key={`${c.responseId}:${c.questionKey}`}
            data-testid="comment-item"
            style={{ paddingInline: 0 }}
          >
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={6} wrap align="center" style={{ fontSize: 12 }}>
                {c.csat !== null && (
                  <Tag color={csatColour(c.csat)} bordered={false} style={{ marginInlineEnd: 0 }}>
                    CSAT {c.csat}
                  </Tag>
                )}
                {c.nps !== null && band && (
                  <Tag color={BAND_COLOURS[band]} bordered={false} style={{ marginInlineEnd: 0 }}>
                    NPS {c.nps} · {t(`surveyInsights.one_${band}`)}
                  </Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    unitName(c.orgUnitId),
                    t(`channel.${c.channel}`, {
                      defaultValue: t(`surveyInsights.surveyChannel_${c.channel}`, {
                        defaultValue: c.channel,
                      }),
                    }),
                    dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="comment-text">
                <Highlighted text={c.text} keyword={keyword} />
              </Typography.Paragraph>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
