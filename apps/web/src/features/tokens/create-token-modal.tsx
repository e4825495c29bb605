import { App, Form, Input, InputNumber, Select } from 'antd';
import { LIMITS, type Permission } from '@qloop/contracts';
import type { z } from 'zod';
import type { CreatedApiToken } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useCreateApiToken } from '../../api/tokens';
import { useApiError } from '../../api/use-api-error';
import { FormModal } from '../../components/form-modal';

interface Values {
  name: string;
  scopes: Permission[];
  expiresInDays?: number | null;
}

/** New token: scopes are limited to the user's own permissions (the server enforces it too). */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: z.infer<typeof CreatedApiToken>) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const showError = useApiError();
  const { message } = App.useApp();

  return (
    <FormModal
      form={form}
      open={open}
      title={t('tokens.create')}
      okText={t('common.create')}
      onClose={onClose}
      saving={create.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: 90, scopes: [] }}
        onFinish={(v) =>
          create.mutate(
            { name: v.name, scopes: v.scopes, expiresInDays: v.expiresInDays ?? null },
            {
              onSuccess: (tok) => {
                void message.success(t('tokens.secretTitle'));
                onCreated(tok);
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.scopes') }]}
        >
          <Select
            mode="multiple"
            allowClear
            options={me.permissions.map((p) => ({ value: p, label: `${t(`permission.${p}`)} (${p})` }))}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresHint')}>
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
