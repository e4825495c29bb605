import { Tag } from 'antd';
import type { Role } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<Role, string> = {
  admin: 'red',
  quality_manager: 'purple',
  dept_manager: 'geekblue',
  branch_manager: 'blue',
  agent: 'cyan',
  inspector: 'orange',
  executive: 'gold',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  // may wrap: English role names are long and the users list must fit a 1280-wide screen
  return (
    <Tag color={COLORS[role]} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {t(`role.${role}`)}
    </Tag>
  );
}
