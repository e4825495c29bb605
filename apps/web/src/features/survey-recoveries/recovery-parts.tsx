import { Descriptions, Flex, Tag, Typography } from 'antd';
import { QUESTION_SCALES, type SurveyRecovery, type SurveyRecoveryStatus } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

/** The status of a recovery from its recorded outcome: open until someone records whether the customer was won back. */
export function recoveryStatus(r: Pick<SurveyRecovery, 'recovered'>): SurveyRecoveryStatus {
  return r.recovered === null ? 'open' : r.recovered ? 'recovered' : 'lost';
}

const STATUS_COLOR: Record<SurveyRecoveryStatus, string> = {
  open: 'orange',
  recovered: 'green',
  lost: 'red',
};

/** 待闭环 / 已挽回 / 未挽回 as a tag. */
export function RecoveryStatusTag({ recovery }: { recovery: Pick<SurveyRecovery, 'recovered'> }) {
  const { t } = useTranslation();
  const status = recoveryStatus(recovery);
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="recovery-status">
      {t(`surveyRecovery.status_${status}`)}
    </Tag>
  );
}

/**
 * The headline scores that were given, each on its scale ("CSAT 1/5"): red for the ones that
 * opened the recovery, grey for the other. Which ones did is in the reason the server wrote when
 * it opened the recovery ("CSAT 1 ≤ 2; NPS 3 ≤ 6"): the survey's limits may have changed since.
 */
export function ScoreTags({ recovery }: { recovery: Pick<SurveyRecovery, 'csat' | 'nps' | 'reason'> }) {
  const scores = (['csat', 'nps'] as const).filter((k) => recovery[k] !== null);
  if (!scores.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid="recovery-scores">
      {scores.map((k) => (
        <Tag
          key={k}
          color={recovery.reason.includes(k.toUpperCase()) ? 'red' : undefined}
          bordered={false}
          style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
        >
          {k.toUpperCase()} {recovery[k]}/{QUESTION_SCALES[k]!.max}
        </Tag>
      ))}
    </Flex>
  );
}

/** The customer's answers, question by question, in the reader's language; scores on their scale. */
export function AnswerList({ answers }: { answers: SurveyRecovery['answers'] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  if (!answers.length)
    return <Typography.Text type="secondary">{t('surveyRecovery.noAnswers')}</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: '42%', whiteSpace: 'normal' } }}
      data-testid="recovery-answers"
      items={answers.map((a) => {
        const scale = a.type === 'servqual' ? undefined : QUESTION_SCALES[a.type];
        const text = en ? a.answerEn : a.answerZh;
        return {
          key: a.key,
          label: en ? a.questionEn : a.questionZh,
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{scale ? `${text} / ${scale.max}` : text}</span>,
        };
      })}
    />
  );
}
