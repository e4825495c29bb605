import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { CrownOutlined, PlusOutlined } from '@ant-design/icons';
import type { Group } from '@qloop/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { activeStatusColumn } from '../../components/active-status';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { EditRowButton } from '../../components/row-actions';
import { shortName } from '../tickets/ticket-tags';
import { useGroups } from './api';
import { GroupFormModal } from './group-form-modal';

/** 队列/组: the handling groups, their members and each member's skills. */
export function GroupsTab() {
  const { t, i18n } = useTranslation();
  const { data: groups, isPending } = useGroups();
  const { data: departments } = useDepartments();
  const unitNameOf = useOrgUnitNameOf();
  const [editing, setEditing] = useState<{ group: Group | null } | null>(null);
  const en = i18n.language === 'en-US';

  const deptName = useMemo(() => {
    const m = new Map((departments ?? []).map((d) => [d.id, en && d.nameEn ? d.nameEn : d.name]));
    return (id: string | null) => (id ? (m.get(id) ?? '—') : '—');
  }, [departments, en]);
  const skillOptions = useMemo(
    () => [...new Set((groups ?? []).flatMap((g) => g.members.flatMap((m) => m.skills)))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [groups],
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} style={{ padding: '0 16px 16px' }}>
        <Typography.Text type="secondary">{t('assignment.groupsIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ group: null })} data-testid="group-create">
          {t('assignment.createGroup')}
        </Button>
      </Flex>
      <Table<Group>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={groups ?? []}
        pagination={false}
        locale={{ emptyText: t('assignment.noGroups') }}
        columns={[
          { title: t('assignment.groupCode'), dataIndex: 'code', width: 140 },
          { title: t('assignment.groupName'), dataIndex: 'name', width: 180, ellipsis: true },
          { title: t('assignment.orgUnit'), dataIndex: 'orgUnitId', width: 150, ellipsis: true, render: (id: string) => unitNameOf(id) ?? '—' },
          { title: t('assignment.department'), dataIndex: 'departmentId', width: 130, ellipsis: true, render: (id: string | null) => deptName(id) },
          {
            title: t('assignment.membersAndSkills'),
            key: 'members',
            render: (_, g) =>
              g.members.length ? (
                <Flex gap={4} wrap>
                  {g.members.map((m) => {
                    const lead = m.userId === g.leadUserId;
                    return (
                      <Tooltip key={m.userId} title={lead ? `${t('assignment.lead')} · ${m.displayName}` : m.displayName}>
                        <Tag
                          style={{ marginInlineEnd: 0 }}
                          color={lead ? 'gold' : undefined}
                          icon={lead ? <CrownOutlined /> : undefined}
                          data-testid={lead ? 'group-lead-tag' : undefined}
                        >
                          {shortName(m.displayName)}
                          {m.skills.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` · ${m.skills.join('、')}`}</Typography.Text> : null}
                        </Tag>
                      </Tooltip>
                    );
                  })}
                </Flex>
              ) : (
                <Typography.Text type="warning">{t('assignment.noMembers')}</Typography.Text>
              ),
          },
          activeStatusColumn(t),
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, g: Group) => <EditRowButton onClick={() => setEditing({ group: g })} />,
          },
        ]}
      />
      <GroupFormModal open={editing !== null} group={editing?.group ?? null} skillOptions={skillOptions} onClose={() => setEditing(null)} />
    </>
  );
}
