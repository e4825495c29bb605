import { Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORG_CHILD_KINDS } from '@qloop/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteOrgUnit, useOrgUnits } from '../../api/org-units';
import { activeStatusColumn } from '../../components/active-status';
import { PageHeader } from '../../components/page-header';
import { buildOrgTree, useOrgName, type OrgNode } from '../../components/org-tree';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { DeleteRowButton, EditRowButton } from '../../components/row-actions';
import { OrgKindTag } from './org-kind-tag';
import { OrgUnitFormModal, type OrgUnitFormTarget } from './org-unit-form-modal';

/** 组织机构: the tree of units in scope as a tree table; managing needs org:manage. */
export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('org:manage');
  const { data: units, isPending, refetch, isFetching } = useOrgUnits();
  const remove = useDeleteOrgUnit();
  const orgName = useOrgName();
  const [target, setTarget] = useState<OrgUnitFormTarget | null>(null);
  const tree = useMemo(() => buildOrgTree(units ?? []), [units]);
  // all rows start expanded; the user's own collapsing is kept in state
  const [collapsedIds, setCollapsedIds] = useState<Set<string>>(new Set());
  const expanded = (units ?? []).map((u) => u.id).filter((id) => !collapsedIds.has(id));

  return (
    <>
      <PageHeader
        title={t('org.title')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            <Button onClick={() => setCollapsedIds(new Set())}>{t('org.expandAll')}</Button>
            <Button onClick={() => setCollapsedIds(new Set((units ?? []).map((u) => u.id)))}>{t('org.collapseAll')}</Button>
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<OrgNode>
          rowKey="id"
          loading={isPending}
          dataSource={tree}
          pagination={false}
          size="middle"
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, row) =>
              setCollapsedIds((prev) => {
                const next = new Set(prev);
                if (open) next.delete(row.id);
                else next.add(row.id);
                return next;
              }),
          }}
          columns={[
            {
              title: t('org.name'),
              key: 'name',
              ellipsis: true,
              // inline text, not a flex box: the tree's indent and expand icon sit on the same line
              render: (_, u) => (
                <>
                  <Typography.Text strong={u.kind === 'province'}>{orgName(u)}</Typography.Text>
                  {u.nameEn && orgName(u) !== u.nameEn && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {u.nameEn}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: t('org.code'), dataIndex: 'code', width: 130 },
            { title: t('org.kind'), dataIndex: 'kind', width: 120, render: (k: OrgNode['kind']) => <OrgKindTag kind={k} /> },
            { title: t('org.users'), dataIndex: 'userCount', width: 90, align: 'right' },
            activeStatusColumn(t),
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 250,
                    render: (_: unknown, u: OrgNode) => (
                      <Space size={0}>
                        <Tooltip title={ORG_CHILD_KINDS[u.kind].length ? undefined : t('org.noChildKinds')}>
                          <Button
                            type="link"
                            size="small"
                            icon={<PlusOutlined />}
                            disabled={!ORG_CHILD_KINDS[u.kind].length}
                            onClick={() => setTarget({ mode: 'create', parent: u })}
                          >
                            {t('org.addChild')}
                          </Button>
                        </Tooltip>
                        <EditRowButton onClick={() => setTarget({ mode: 'edit', unit: u })} />
                        <DeleteRowButton name={orgName(u)} onDelete={() => remove.mutateAsync(u.id)} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <OrgUnitFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
