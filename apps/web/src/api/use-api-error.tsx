import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldIssues } from './client';

/**
 * Shows an API error the way people can act on it: the server's message in a toast, and for
 * VALIDATION_FAILED each `{ path, message }` on the form field it names (or listed in the toast
 * when no field of the form matches).
 */
export function useApiError() {
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();

  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        void message.error(err instanceof Error ? err.message : t('errors.unknown'));
        return;
      }
      if (err.code === 'NETWORK') {
        void message.error(t('errors.network'));
        return;
      }
      if (err.status === 401) return; // the auth guard takes the user to the login page
      const issues = err.code === 'VALIDATION_FAILED' ? fieldIssues(err) : [];
      const unmatched = [];
      if (form && issues.length) {
        const fields = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
        for (const issue of issues) {
          const name = issue.path.split('.').find((seg) => fields.has(seg));
          if (name) form.setFields([{ name, errors: [issue.message] }]);
          else unmatched.push(issue);
        }
      } else {
        unmatched.push(...issues);
      }
      void message.error({
        content: (
          <span>
            {/* The server's message is English and specific; a known code gets a translated
                headline, with the server's words beneath where they add something. */}
            {i18n.exists(`errors.code_${err.code}`) ? (
              <>
                {t(`errors.code_${err.code}` as 'errors.unknown')}
                {['CONFLICT', 'ACCOUNT_LOCKED', 'INTERNAL'].includes(err.code) && err.message ? (
                  <div style={{ fontSize: 12, opacity: 0.75 }}>{err.message}</div>
                ) : null}
              </>
            ) : (
              err.message || t('errors.unknown')
            )}
            {unmatched.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, textAlign: 'start' }}>
                {unmatched.map((i) => (
                  <li key={i.path + i.message}>
                    {i.path ? <code>{i.path}</code> : null} {i.message}
                  </li>
                ))}
              </ul>
            )}
          </span>
        ),
        duration: 5,
      });
    },
    [message, t, i18n],
  );
}
