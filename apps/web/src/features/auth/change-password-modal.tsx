import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/session';
import { useApiError } from '../../api/use-api-error';
import { FormModal } from '../../components/form-modal';
import { NewPasswordFields } from '../../components/password-fields';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change own password. `forced` (me.mustChangePassword) removes every way to close the dialog:
 * the server refuses other work until the password is changed, so the UI must not pretend otherwise.
 */
export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showError = useApiError();
  const { message } = App.useApp();

  const submit = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <FormModal
      form={form}
      open={open}
      title={t('auth.changePassword')}
      onClose={onClose}
      saving={change.isPending}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </FormModal>
  );
}
