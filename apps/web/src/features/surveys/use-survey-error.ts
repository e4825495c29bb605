import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldIssues } from '../../api/client';
import { useApiError } from '../../api/use-api-error';
import { issuePath, type SurveyIssue } from './survey-issues';

/**
 * Errors of a survey change. 409 CONFLICT (someone changed the survey since it was loaded): say
 * so — the mutation has asked for the survey again, and the page shows it as it is now. A 400 with
 * details: each on its field of the editor (`onIssues`). Anything else: the usual message.
 */
export function useSurveyError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (e: unknown, onIssues?: (issues: SurveyIssue[]) => void) => {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        void message.warning({ content: t('survey.conflict'), duration: 6 });
        return;
      }
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && onIssues) {
        const issues = fieldIssues(e).map((i) => ({ path: issuePath(i.path), message: i.message }));
        if (issues.length) {
          onIssues(issues);
          void message.error(t('errors.validationFailed'));
          return;
        }
      }
      showError(e);
    },
    [t, message, showError],
  );
}
