import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useOrgUnits } from '../api/org-units';
import { buildOrgTree, toTreeOptions, useOrgName } from './org-tree';

/**
 * A TreeSelect of the org units in the caller's scope, named in the current language and
 * searchable by name. Other props (value/onChange/id from a Form.Item, disabled, style…) pass on.
 */
export function OrgUnitTreeSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const { data: units } = useOrgUnits();
  const orgName = useOrgName();
  const treeData = useMemo(() => toTreeOptions(buildOrgTree(units ?? []), orgName), [units, orgName]);
  return (
    <TreeSelect<string>
      treeData={treeData}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      {...props}
    />
  );
}
