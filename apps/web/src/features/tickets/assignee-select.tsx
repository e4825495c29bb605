import { Select, Typography, type SelectProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useAssignees } from '../../api/tickets';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { shortName } from './ticket-tags';

type Person = { id: string; displayName: string; orgUnitId?: string; orgUnitName?: string };

/**
 * Whom to assign or transfer a ticket to: people who handle tickets, searched on the server by
 * name or username as one types, each shown with their unit. Value is the user id. With `members`
 * (a group's), only those are offered, searched here.
 */
export function AssigneeSelect({
  initialOption,
  members,
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'> & {
  /** someone to offer even before the search answers (e.g. "assign to me") */
  initialOption?: Person;
  /** offer only these people (a group's members) */
  members?: Person[];
}) {
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const { data, isFetching } = useAssignees(deferred, undefined, !members);
  const unitNameOf = useOrgUnitNameOf();
  if (members) {
    return (
      <Select<string>
        {...props}
        showSearch={{ optionFilterProp: 'title' }}
        options={members.map((a) => ({ value: a.id, label: shortName(a.displayName), title: a.displayName }))}
      />
    );
  }
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
