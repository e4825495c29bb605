import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiError } from '../../api/use-api-error';

/**
 * Errors of a lifecycle action. 409 CONFLICT (someone changed the warning since it was loaded) and
 * ILLEGAL_TRANSITION (its state moved on): say so and reload it; the form closes. Anything else:
 * the usual messages, on the form's fields where they belong. Returns true when the form should close.
 */
export function useWarningError(reload: () => unknown) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (e: unknown, form?: FormInstance): boolean => {
      if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'ILLEGAL_TRANSITION')) {
        void message.warning({
          content: t(e.code === 'CONFLICT' ? 'warning.conflict' : 'warning.illegal'),
          duration: 5,
        });
        void reload();
        return true;
      }
      showError(e, form);
      return false;
    },
    [t, message, showError, reload],
  );
}
