import { Form, Select, Typography, type FormInstance, type SelectProps } from 'antd';
import type { Group } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../assignment/api';

/**
 * A handling group (queue), searched by name or code. `activeOnly` for where tickets go (a retired
 * group takes no new work); the list's filter offers retired ones too, marked, for old tickets.
 */
export function GroupSelect({
  activeOnly,
  onGroup,
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  activeOnly?: boolean;
  /** the chosen group itself (its members), besides its id */
  onGroup?: (group: Group | undefined) => void;
}) {
  const { t } = useTranslation();
  const { data, isPending } = useGroups();
  const groups = (data ?? []).filter((g) => !activeOnly || g.active);
  return (
    <Select<string>
      {...props}
      loading={isPending}
      showSearch={{ optionFilterProp: 'search' }}
      onChange={(id, option) => {
        props.onChange?.(id, option);
        onGroup?.(groups.find((g) => g.id === id));
      }}
      options={groups.map((g) => ({
        value: g.id,
        label: g.name,
        search: `${g.name} ${g.code}`,
        code: g.code,
        active: g.active,
      }))}
      optionRender={(o) => (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <span>{o.data.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {o.data.active ? o.data.code : t('common.inactive')}
          </Typography.Text>
        </span>
      )}
    />
  );
}

/**
 * The "transfer to a group" field of the transfer forms (one ticket or many): picking a group drops
 * an already chosen person who is not one of its members, and hands the group to `onGroup` so the
 * person field can offer only its members.
 */
export function TransferGroupField({ form, onGroup, testId }: { form: FormInstance; onGroup: (group: Group | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="groupId" label={t('workList.transferGroup')} extra={t('workList.transferGroupHint')}>
      <GroupSelect
        activeOnly
        allowClear
        autoFocus
        placeholder={t('workList.groupPlaceholder')}
        onGroup={(g) => {
          onGroup(g);
          const person = form.getFieldValue('assigneeId') as string | undefined;
          if (g && person && !g.members.some((m) => m.userId === person)) form.setFieldsValue({ assigneeId: undefined });
        }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
