import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/users';
import { useCan } from '../../components/require-permission';

/** Picks the actor filter by searching users by name (the API filters by id). */
export function ActorSelect({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useUsers({ page: 1, pageSize: 20, q: q || undefined, sort: 'username' }, useCan()('users:read'));

  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      style={{ width: 160 }}
      placeholder={t('audit.actorPlaceholder')}
      value={value}
      onSearch={setSearch}
      onChange={(v) => onChange(v)}
      loading={isFetching}
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
    />
  );
}
