import { Select, Typography, type SelectProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useAssignees } from '../../api/tickets';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { shortName } from './ticket-tags';

/**
 * Whom to assign or transfer a ticket to: people who handle tickets, searched on the server by
 * name or username as one types, each shown with their unit. Value is the user id.
 */
export function AssigneeSelect({
  initialOption,
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'> & {
  /** someone to offer even before the search answers (e.g. "assign to me") */
  initialOption?: { id: string; displayName: string; orgUnitId?: string; orgUnitName?: string };
}) {
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const { data, isFetching } = useAssignees(deferred);
  const unitNameOf = useOrgUnitNameOf();
  return (
    <Select<string>
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={isFetching}
      options={[
        ...(initialOption && !(data ?? []).some((a) => a.id === initialOption.id) && !q.trim() ? [initialOption] : []),
        ...(data ?? []),
      ].map((a) => ({
        value: a.id,
        label: shortName(a.displayName),
        title: a.displayName,
        unit: (a.orgUnitId && unitNameOf(a.orgUnitId)) ?? a.orgUnitName,
      }))}
      optionRender={(o) => (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <span>{o.data.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {o.data.unit}
          </Typography.Text>
        </span>
      )}
    />
  );
}
