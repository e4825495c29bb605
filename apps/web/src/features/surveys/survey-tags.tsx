import { Tag } from 'antd';
import type { QuestionType, ServqualDimension, SurveyState } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

const STATE_COLOR: Record<SurveyState, string> = { draft: 'gold', published: 'success', retired: 'default' };

/** 草稿 / 已发布 / 已停用. */
export function SurveyStateTag({ state, testId }: { state: SurveyState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`survey.state_${state}`)}
    </Tag>
  );
}

/** Colours that keep the question types apart in a long list. */
export const TYPE_COLOR: Record<QuestionType, string> = {
  csat: 'blue',
  nps: 'geekblue',
  stars: 'gold',
  single: 'cyan',
  multiple: 'green',
  text: 'default',
  servqual: 'purple',
};

export function QuestionTypeTag({ type }: { type: QuestionType }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={TYPE_COLOR[type]}
      bordered={false}
      style={{ marginInlineEnd: 0 }}
      data-testid="question-type-tag"
    >
      {t(`survey.type_${type}`)}
    </Tag>
  );
}

/** 有形性 / 可靠性 / 响应性 / 保证性 / 移情性. */
export function DimensionTag({ dimension }: { dimension: ServqualDimension }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="question-dimension-tag">
      {t('survey.dimension')} · {t(`survey.dim_${dimension}`)}
    </Tag>
  );
}
