import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldIssues, type FieldIssue } from './client';

/** The request part the server names first in a path ('body.week.1[0].end'); it is no form field. */
const REQUEST_PARTS = new Set(['body', 'querystring', 'params']);

/**
 * Puts each issue on the most specific form field its path names — 'body.week.1[0].end' on the field
 * ['week', '1', 0, 'end'] when the form has it, else on ['week', '1'] (a Form.List), and so on — and
 * returns the issues no field of the form matched. `describe` may reword a message (e.g. by `code`).
 */
export function applyFieldIssues(form: FormInstance, issues: FieldIssue[], describe?: (issue: FieldIssue) => string): FieldIssue[] {
  // every registered field's name path, Form.Lists included
  const names = form.getFieldsError().map((f) => f.name);
  const topLevel = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const unmatched: FieldIssue[] = [];
  const errors = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const segments = issue.path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
    if (REQUEST_PARTS.has(segments[0] ?? '')) segments.shift();
    const best = names
      .filter((n) => n.length <= segments.length && n.every((unit, i) => String(unit) === segments[i]))
      .sort((a, b) => b.length - a.length)[0];
    // else any top-level value the path mentions (as before nested fields were matched)
    const loose = segments.find((seg) => topLevel.has(seg));
    const name = best ?? (loose ? [loose] : null);
    if (!name) {
      unmatched.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = errors.get(key) ?? { name, errors: [] };
    entry.errors.push(describe ? describe(issue) : issue.message);
    errors.set(key, entry);
  }
  form.setFields([...errors.values()]);
  return unmatched;
}

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
      const unmatched = form && issues.length ? applyFieldIssues(form, issues) : issues;
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
