import { TreeSelect } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../api/org-units';
import { useOrgUnitScope } from './org-unit-context';
import { buildOrgTree, toTreeOptions, useOrgName } from './org-tree';

/** Header TreeSelect of the units in the user's scope; the choice filters the list pages. */
export function OrgUnitSwitcher() {
  const { t } = useTranslation();
  const { data: units, isLoading } = useOrgUnits();
  const { orgUnitId, setOrgUnitId } = useOrgUnitScope();
  const orgName = useOrgName();
  const treeData = useMemo(() => toTreeOptions(buildOrgTree(units ?? []), orgName), [units, orgName]);

  return (
    <TreeSelect
      data-testid="org-switcher"
      aria-label={t('header.orgUnit')}
      prefix={<ApartmentOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />}
      style={{ width: 240 }}
      loading={isLoading}
      value={units ? orgUnitId : undefined}
      placeholder={t('header.orgUnitPlaceholder')}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={300}
      onChange={(v: string) => setOrgUnitId(v)}
    />
  );
}
