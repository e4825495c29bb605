import { Select, Typography } from 'antd';
import type { Indicator } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { useSetIndicatorOwner } from './api';

/**
 * 归口部门 (13+N): the department that owns an indicator's province-level number; each branch owns its
 * own. Managers choose it here (or clear it); others read it.
 */
export function OwnerCell({ ind, manage }: { ind: Indicator; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: departments = [] } = useDepartments();
  const setOwner = useSetIndicatorOwner();
  const zh = i18n.language.startsWith('zh');
  const name = (d: { name: string; nameEn: string | null }) => (zh ? d.name : (d.nameEn ?? d.name));
  const owner = departments.find((d) => d.id === ind.ownerDepartmentId);
  if (!manage) return owner ? name(owner) : <Typography.Text type="secondary">{t('indicatorLib.ownerNone')}</Typography.Text>;
  return (
    <Select
      size="small"
      allowClear
      style={{ width: 150 }}
      placeholder={t('indicatorLib.ownerNone')}
      value={ind.ownerDepartmentId ?? undefined}
      loading={setOwner.isPending}
      onChange={(v: string | undefined) => setOwner.mutate({ key: ind.key, departmentId: v ?? null })}
      options={departments.filter((d) => d.active || d.id === ind.ownerDepartmentId).map((d) => ({ value: d.id, label: name(d) }))}
      data-testid={`indicator-owner-${ind.key}`}
    />
  );
}
