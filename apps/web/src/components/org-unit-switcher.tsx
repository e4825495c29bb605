import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../api/org-units';
import { useOrgUnitScope } from './org-unit-context';
import { OrgUnitTreeSelect } from './org-unit-tree-select';

/** Header TreeSelect of the units in the user's scope; the choice filters the list pages. */
export function OrgUnitSwitcher() {
  const { t } = useTranslation();
  const { data: units, isLoading } = useOrgUnits();
  const { orgUnitId, setOrgUnitId } = useOrgUnitScope();

  return (
    <OrgUnitTreeSelect
      data-testid="org-switcher"
      aria-label={t('header.orgUnit')}
      prefix={<ApartmentOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />}
      style={{ width: 240 }}
      loading={isLoading}
      value={units ? orgUnitId : undefined}
      placeholder={t('header.orgUnitPlaceholder')}
      popupMatchSelectWidth={300}
      onChange={(v: string) => setOrgUnitId(v)}
    />
  );
}
