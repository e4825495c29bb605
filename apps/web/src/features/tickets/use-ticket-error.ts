import { App, type FormInstance } from 'antd';
import { TicketAction } from '@qloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiError } from '../../api/use-api-error';

/**
 * Errors of a change to a ticket. 409 CONFLICT: someone else changed it since it was loaded — say
 * so, reload it and close the form. ILLEGAL_TRANSITION: the state moved on — name what is possible
 * now and reload. Anything else: the usual messages, on the form's fields where they belong.
 * Returns true when the form should close.
 */
export function useTicketError(reload: () => unknown) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (e: unknown, form?: FormInstance): boolean => {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        void message.warning({ content: t('ticket.conflict'), duration: 5 });
        void reload();
        return true;
      }
      if (e instanceof ApiError && e.code === 'ILLEGAL_TRANSITION') {
        const raw = (e.details as { allowed?: unknown } | null)?.allowed;
        const allowed = Array.isArray(raw)
          ? raw.flatMap((a) => {
              const r = TicketAction.safeParse(a);
              return r.success ? [t(`ticketAction.${r.data}`)] : [];
            })
          : [];
        void message.error({ content: t('ticket.illegal', { allowed: allowed.join('、') || t('common.none') }), duration: 5 });
        void reload();
        return true;
      }
      showError(e, form);
      return false;
    },
    [t, message, showError, reload],
  );
}
