import { Badge } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Active / inactive as a status dot with its word, as every list shows it. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={active ? 'success' : 'default'}
      text={active ? t('common.active') : t('common.inactive')}
    />
  );
}

/** The Status column of a list whose rows can be switched off (departments, org units). */
export function activeStatusColumn<T extends { active: boolean }>(t: TFunction): ColumnType<T> {
  return {
    title: t('common.status'),
    dataIndex: 'active',
    width: 100,
    render: (a: boolean) => <ActiveBadge active={a} />,
  };
}
