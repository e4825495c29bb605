import { Empty, Flex, Tooltip } from 'antd';
import type { SurveyKeywords } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from './analysis-format';
import { cloudTags } from './insights-format';

/**
 * 关键词云: the comments' keywords as weighted words — larger for more comments, red where most
 * of them come from detractors, green where few do. A click selects a keyword (and a second
 * click on it lets go); the selected one is outlined.
 */
export function KeywordCloud({
  keywords,
  selected,
  onSelect,
}: {
  keywords: SurveyKeywords['items'];
  selected: string | undefined;
  onSelect: (keyword: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const tags = useMemo(() => cloudTags(keywords, locale), [keywords, locale]);
  if (!tags.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveyInsights.noKeywords')} />;
  return (
    <Flex
      wrap
      gap="4px 14px"
      align="baseline"
      justify="center"
      style={{ padding: '8px 4px', minHeight: 120 }}
      data-testid="keyword-cloud"
    >
      {tags.map((k) => {
        const on = k.keyword === selected;
        return (
          <Tooltip
            key={k.keyword}
            title={
              k.detractorShare === null
                ? t('surveyInsights.keywordTipNoNps', { count: k.count })
                : t('surveyInsights.keywordTip', {
                    count: k.count,
                    share: `${formatScore(k.detractorShare, locale, 1)}%`,
                  })
            }
          >
            <button
              type="button"
              onClick={() => onSelect(on ? undefined : k.keyword)}
              aria-pressed={on}
              data-testid="cloud-keyword"
              data-keyword={k.keyword}
              style={{
                border: 'none',
                fontFamily: 'inherit',
                cursor: 'pointer',
                fontSize: k.size,
                lineHeight: 1.3,
                fontWeight: k.size >= 22 ? 600 : 400,
                color: k.colour,
                padding: '0 4px',
                borderRadius: 4,
                outline: on ? `2px solid ${k.colour}` : undefined,
                background: on ? '#fafafa' : 'transparent',
              }}
            >
              {k.keyword}
            </button>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
