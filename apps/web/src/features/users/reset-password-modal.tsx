import { Form } from 'antd';
import type { User } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/users';
import { FormModal } from '../../components/form-modal';
import { NewPasswordFields } from '../../components/password-fields';
import { useSaveAndClose } from '../../components/use-save-and-close';

/** An administrator sets a new password; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useResetPassword();
  const saveAndClose = useSaveAndClose(form, onClose);

  return (
    <FormModal
      form={form}
      open={user !== null}
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      onClose={onClose}
      saving={reset.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          user && reset.mutate({ id: user.id, newPassword: v.newPassword }, saveAndClose(t('users.resetDone')))
        }
      >
        <NewPasswordFields />
      </Form>
    </FormModal>
  );
}
