import { App, Form, Input, Modal } from 'antd';
import { AUTH_LIMITS, NewPassword, type User } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/users';
import { useApiError } from '../../api/use-api-error';
import { zodRule } from '../../components/zod-rule';

/** An administrator sets a new password; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useResetPassword();
  const showError = useApiError();
  const { message } = App.useApp();
  const passwordMsg = t('validation.password', { min: AUTH_LIMITS.passwordMin });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          user &&
          reset.mutate(
            { id: user.id, newPassword: v.newPassword },
            {
              onSuccess: () => {
                void message.success(t('users.resetDone'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={passwordMsg}
          rules={[{ required: true }, zodRule(NewPassword, passwordMsg)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
