import { Alert, App, Button, Flex, Input, Radio, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { SURVEY_RECOVERY_NOTE_MAX, type SurveyRecovery } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordRecovery } from '../../api/survey-recoveries';
import { useApiError } from '../../api/use-api-error';
import { formatDateTime } from '../../components/format';

/** 客户是否挽回: 挽回 or 未挽回 with a note, recorded once (the server refuses a second record). */
export function RecoveryOutcomeForm({ recovery }: { recovery: SurveyRecovery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const record = useRecordRecovery(recovery.responseId);
  const [recovered, setRecovered] = useState<boolean | null>(null);
  const [note, setNote] = useState('');

  const submit = () => {
    if (recovered === null) return;
    record.mutate(
      { recovered, note: note.trim() },
      {
        onSuccess: () => void message.success(t('surveyRecovery.recordedToast')),
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <div data-testid="recovery-outcome-form">
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('surveyRecovery.outcomeQuestion')}
      </Typography.Text>
      <Radio.Group
        value={recovered}
        onChange={(e) => setRecovered(e.target.value as boolean)}
        optionType="button"
        buttonStyle="solid"
        options={[
          {
            value: true,
            label: <span data-testid="recovery-outcome-recovered">{t('surveyRecovery.recovered')}</span>,
          },
          {
            value: false,
            label: <span data-testid="recovery-outcome-lost">{t('surveyRecovery.lost')}</span>,
          },
        ]}
      />
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={SURVEY_RECOVERY_NOTE_MAX}
        showCount
        placeholder={t('surveyRecovery.notePlaceholder')}
        aria-label={t('surveyRecovery.note')}
        style={{ marginTop: 12 }}
        data-testid="recovery-note"
      />
      {/* room for the character count antd draws under the box */}
      <Flex justify="space-between" align="center" gap={12} style={{ marginTop: 30 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {recovered === null ? t('surveyRecovery.pickOutcome') : t('surveyRecovery.recordOnce')}
        </Typography.Text>
        <Button
          type="primary"
          onClick={submit}
          loading={record.isPending}
          disabled={recovered === null}
          data-testid="recovery-record"
        >
          {t('surveyRecovery.record')}
        </Button>
      </Flex>
    </div>
  );
}

/** The recorded outcome: won back or not, the note, who recorded it and when. */
export function RecoveryOutcomeResult({ recovery }: { recovery: SurveyRecovery }) {
  const { t } = useTranslation();
  const won = recovery.recovered === true;
  return (
    <Alert
      type={won ? 'success' : 'warning'}
      icon={won ? <CheckCircleFilled /> : <CloseCircleFilled />}
      showIcon
      data-testid="recovery-outcome-result"
      title={t(won ? 'surveyRecovery.resultRecovered' : 'surveyRecovery.resultLost')}
      description={
        <>
          {recovery.note && <div style={{ whiteSpace: 'pre-wrap' }}>{recovery.note}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="recovery-recorded-by">
            {t('surveyRecovery.recordedBy', {
              name: recovery.recordedByName ?? '—',
              at: formatDateTime(recovery.recordedAt),
            })}
          </Typography.Text>
        </>
      }
    />
  );
}
