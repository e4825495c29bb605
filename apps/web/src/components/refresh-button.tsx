import { Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The page header's Refresh: refetches the page's list and spins while any fetch of it runs. */
export function RefreshButton({ refetch, fetching }: { refetch: () => Promise<unknown>; fetching: boolean }) {
  const { t } = useTranslation();
  return (
    <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={fetching}>
      {t('common.refresh')}
    </Button>
  );
}
