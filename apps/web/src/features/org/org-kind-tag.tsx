import { Tag } from 'antd';
import type { OrgUnitKind } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<OrgUnitKind, string> = { province: 'purple', branch: 'blue', store: 'cyan', team: 'green' };

export function OrgKindTag({ kind }: { kind: OrgUnitKind }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[kind]}>{t(`orgKind.${kind}`)}</Tag>;
}
