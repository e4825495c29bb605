import { App, Button, Popconfirm } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../api/use-api-error';

/** A table row's Edit link. */
export function EditRowButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="link" size="small" icon={<EditOutlined />} onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
}

/**
 * A table row's Delete link: asks first (naming what goes), then deletes and says so, or shows
 * the API's error. The confirmation's OK spins until the server answers.
 */
export function DeleteRowButton({ name, onDelete }: { name: string; onDelete: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={t('common.confirmDelete', { name })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        onDelete().then(
          () => void message.success(t('common.deleted')),
          (e: unknown) => showError(e),
        )
      }
    >
      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
