import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client';

/**
 * The server names each problem of a calendar with a code (validate-calendar.ts); known codes are
 * worded in the user's language, the range number taken from the path ('week.1[2]' → range 3).
 * Problems the schema found first (no code) keep the server's words.
 */
export function useDescribeCalendarIssue() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (issue: FieldIssue) => {
      const key = `calendars.issue_${issue.code}`;
      if (!issue.code || !i18n.exists(key)) return issue.message;
      const index = /week\.\d\[(\d+)\]/.exec(issue.path)?.[1];
      return t(key as 'calendars.issue_required', { n: index === undefined ? '' : Number(index) + 1 });
    },
    [t, i18n],
  );
}
