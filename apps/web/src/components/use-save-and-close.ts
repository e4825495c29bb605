import { App, type FormInstance } from 'antd';
import { useApiError } from '../api/use-api-error';

/**
 * The `mutate()` callbacks of a form dialog: on success a toast and the dialog closes; on an
 * API error the server's messages go onto the form's fields (or into a toast), and it stays open.
 */
export function useSaveAndClose(form: FormInstance, onClose: () => void) {
  const showError = useApiError();
  const { message } = App.useApp();
  return (successText: string) => ({
    onSuccess: () => {
      void message.success(successText);
      onClose();
    },
    onError: (e: unknown) => showError(e, form),
  });
}
