import { App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { LIMITS, ROLES, type Role, type User } from '@qloop/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { useUnlockUser, useUsers, type UserFilters } from '../../api/users';
import { useApiError } from '../../api/use-api-error';
import { ActiveBadge } from '../../components/active-status';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgName } from '../../components/org-tree';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { ListHeaderActions, ListSearch } from '../../components/list-page-parts';
import { useCan } from '../../components/require-permission';
import { useServerPagedTable } from '../../components/server-paged-table';
import { ResetPasswordModal } from './reset-password-modal';
import { RoleTag } from './role-tag';
import { UserFormModal } from './user-form-modal';

type Filters = Omit<UserFilters, 'orgUnitId'>;
const initialFilters: Filters = { page: 1, pageSize: LIMITS.pageSizeDefault, sort: 'username' };

/** An icon-only row action: the tooltip shows its name, and screen readers read it as the label. */
function IconAction({ label, icon, onClick }: { label: string; icon: ReactNode; onClick: () => void }) {
  return (
    <Tooltip title={label}>
      <Button type="link" size="small" aria-label={label} icon={icon} onClick={onClick} />
    </Tooltip>
  );
}

/** 用户管理: server-side paged list of the users in the selected org unit. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('users:manage');
  const { orgUnitId, orgUnit } = useOrgUnitScope();
  const orgName = useOrgName();
  const paged = useServerPagedTable(initialFilters);
  const { filters, patch } = paged;
  const { data, isFetching, refetch } = useUsers({ ...filters, orgUnitId });
  const { data: departments } = useDepartments();
  const unitNameOf = useOrgUnitNameOf();
  const unlock = useUnlockUser();
  const showError = useApiError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const en = i18n.language === 'en-US';

  const deptName = useMemo(() => {
    const m = new Map((departments ?? []).map((d) => [d.id, en && d.nameEn ? d.nameEn : d.name]));
    return (id: string) => m.get(id) ?? id.slice(0, 8);
  }, [departments, en]);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={orgUnit ? `${t('header.orgUnit')}${en ? ': ' : '：'}${orgName(orgUnit)}` : undefined}
        extra={
          <ListHeaderActions
            refetch={refetch}
            fetching={isFetching}
            createLabel={t('users.create')}
            onCreate={manage && (() => setEditing({ user: null }))}
            createTestId="user-create"
          />
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }}>
          <ListSearch applied={filters.q} onSearch={(q) => patch({ q })} placeholder={t('users.searchPlaceholder')} testId="user-search" />
          <Select<Role>
            allowClear
            style={{ width: 170 }}
            placeholder={t('users.role')}
            value={filters.role}
            onChange={(role) => patch({ role })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            placeholder={t('users.departments')}
            value={filters.departmentId}
            onChange={(departmentId) => patch({ departmentId })}
            options={(departments ?? []).map((d) => ({ value: d.id, label: deptName(d.id) }))}
          />
          <Select<'true' | 'false'>
            allowClear
            style={{ width: 130 }}
            placeholder={t('common.status')}
            value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
            onChange={(v) => patch({ active: v === undefined ? undefined : v === 'true' })}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
          <Button onClick={paged.reset}>
            {t('common.reset')}
          </Button>
        </Flex>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1010 }}
          {...paged.tableProps<User>(data?.total)}
          columns={[
            {
              // name and username share a column so the list fits a 1280-wide screen
              title: t('users.displayName'),
              dataIndex: 'username',
              sorter: true,
              sortOrder: paged.sortOrder('username'),
              width: 170,
              fixed: 'left',
              render: (_: string, u) => (
                <Flex vertical style={{ lineHeight: 1.35 }}>
                  <Typography.Text strong ellipsis>
                    {u.displayName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.username}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('users.role'),
              dataIndex: 'role',
              sorter: true,
              sortOrder: paged.sortOrder('role'),
              width: 120,
              render: (r: Role) => <RoleTag role={r} />,
            },
            {
              title: t('users.orgUnit'),
              dataIndex: 'orgUnitName',
              width: 130,
              ellipsis: true,
              // the API names the unit in Chinese; the tree has the English name too
              render: (name: string, u) => unitNameOf(u.orgUnitId) ?? name,
            },
            {
              title: t('users.departments'),
              dataIndex: 'departmentIds',
              width: 120,
              ellipsis: true,
              render: (ids: string[]) =>
                ids.length ? ids.map((id) => <Tag key={id}>{deptName(id)}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>,
            },
            { title: t('users.phone'), dataIndex: 'phone', width: 115, render: (p: string | null) => p ?? '—' },
            {
              title: t('users.status'),
              key: 'status',
              width: 100,
              render: (_, u) => (
                <Space size={4} orientation="vertical">
                  <ActiveBadge active={u.active} />
                  {u.locked && (
                    <Tag color="error" icon={<LockOutlined />}>
                      {t('users.locked')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              sorter: true,
              sortOrder: paged.sortOrder('lastLoginAt'),
              width: 135,
              render: formatDateTime,
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 120,
                    fixed: 'right' as const,
                    render: (_: unknown, u: User) => (
                      <Space size={0}>
                        <IconAction label={t('common.edit')} icon={<EditOutlined />} onClick={() => setEditing({ user: u })} />
                        <IconAction label={t('users.resetPassword')} icon={<KeyOutlined />} onClick={() => setResetting(u)} />
                        {u.locked && (
                          <Popconfirm
                            title={t('users.unlockConfirm', { name: u.displayName })}
                            okText={t('users.unlock')}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              unlock.mutateAsync(u.id).then(
                                () => void message.success(t('users.unlocked')),
                                (e: unknown) => showError(e),
                              )
                            }
                          >
                            {/* a plain Tooltip, not IconAction: Popconfirm passes its child a ref and a click handler */}
                            <Tooltip title={t('users.unlock')}>
                              <Button type="link" size="small" aria-label={t('users.unlock')} icon={<UnlockOutlined />} />
                            </Tooltip>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <UserFormModal open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
