import { Alert, App, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AssignmentRule } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/use-api-error';
import { MoveButtons, movedOrder } from '../../components/move-buttons';
import { DeleteRowButton, EditRowButton } from '../../components/row-actions';
import { useDeleteRule, useGroups, useReorderRules, useRules } from './api';
import { RuleFormModal } from './rule-form-modal';
import { ConditionSummary } from './condition-summary';

/** 规则: the ordered assignment rules; the first active match routes a new ticket. */
export function RulesTab() {
  const { t } = useTranslation();
  const { data: rules, isPending } = useRules();
  const { data: groups } = useGroups();
  const remove = useDeleteRule();
  const reorder = useReorderRules();
  const showError = useApiError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ rule: AssignmentRule | null } | null>(null);
  const list = rules ?? [];
  const groupById = new Map((groups ?? []).map((g) => [g.id, g]));

  const move = (index: number, by: -1 | 1) => {
    reorder.mutate(movedOrder(list.map((r) => r.id), index, by), {
      onSuccess: () => void message.success(t('assignment.reordered')),
      onError: (e) => showError(e),
    });
  };

  return (
    <>
      <div style={{ padding: '0 16px 16px' }}>
        <Alert type="info" showIcon title={t('assignment.rulesIntroTitle')} description={t('assignment.rulesIntro')} />
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Tooltip title={groups && !groups.length ? t('assignment.needGroup') : undefined}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!groups?.length}
              onClick={() => setEditing({ rule: null })}
              data-testid="rule-create"
            >
              {t('assignment.createRule')}
            </Button>
          </Tooltip>
        </Flex>
      </div>
      <Table<AssignmentRule>
        rowKey="id"
        size="middle"
        loading={isPending || reorder.isPending}
        dataSource={list}
        pagination={false}
        locale={{ emptyText: t('assignment.noRules') }}
        columns={[
          { title: t('assignment.order'), key: 'order', width: 70, align: 'center', render: (_, _r, i) => <Typography.Text strong>{i + 1}</Typography.Text> },
          {
            title: t('assignment.ruleName'),
            dataIndex: 'name',
            width: 200,
            render: (name: string, r) => (
              <Flex gap={6} align="center" wrap>
                <Typography.Text type={r.active ? undefined : 'secondary'} data-testid="rule-name">
                  {name}
                </Typography.Text>
                {!r.active && <Tag>{t('common.inactive')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('assignment.conditions'),
            key: 'conditions',
            render: (_, r) => <ConditionSummary conditions={r.conditions} />,
          },
          {
            title: t('assignment.routeTo'),
            key: 'group',
            width: 220,
            render: (_, r) => {
              const g = groupById.get(r.groupId);
              return (
                <Flex vertical gap={2}>
                  <Typography.Text>
                    {g?.name ?? '—'}
                    {g && !g.active && <Tag style={{ marginInlineStart: 6 }}>{t('common.inactive')}</Tag>}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`assignStrategy.${r.strategy}`)}
                    {r.strategy === 'skill' && r.skill ? ` · ${t('assignment.skillOf', { skill: r.skill })}` : ''}
                  </Typography.Text>
                </Flex>
              );
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_, r, i) => (
              <Space size={0}>
                <MoveButtons index={i} count={list.length} busy={reorder.isPending} onMove={(by) => move(i, by)} testIdPrefix="rule" />
                <EditRowButton onClick={() => setEditing({ rule: r })} />
                <DeleteRowButton name={r.name} onDelete={() => remove.mutateAsync(r.id)} />
              </Space>
            ),
          },
        ]}
      />
      <RuleFormModal open={editing !== null} rule={editing?.rule ?? null} groups={groups ?? []} onClose={() => setEditing(null)} />
    </>
  );
}
