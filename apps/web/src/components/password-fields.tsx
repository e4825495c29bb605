import { Form, Input, type FormItemProps } from 'antd';
import { AUTH_LIMITS, NewPassword } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { zodRule } from './zod-rule';

/** Hint and rules of any field that sets a password: the contract's NewPassword, explained in the user's language. */
export function useNewPasswordRules(): Pick<FormItemProps, 'extra' | 'rules'> {
  const { t } = useTranslation();
  const passwordMsg = t('validation.password', { min: AUTH_LIMITS.passwordMin });
  return { extra: passwordMsg, rules: [{ required: true }, zodRule(NewPassword, passwordMsg)] };
}

/**
 * A new password typed twice, for changing one's own password and for an administrator's reset.
 * The field names `newPassword` and `confirm` are also the inputs' ids that e2e/run.mjs fills.
 */
export function NewPasswordFields() {
  const { t } = useTranslation();
  const newPasswordRules = useNewPasswordRules();
  return (
    <>
      <Form.Item name="newPassword" label={t('auth.newPassword')} {...newPasswordRules}>
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
              if (value && value !== getFieldValue('newPassword'))
                throw new Error(t('auth.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
