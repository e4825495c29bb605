import { App, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import { CATEGORY_LIMITS, type CategoryNode } from '@qloop/contracts';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/use-api-error';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { EditRowButton } from '../../components/row-actions';
import { useCategoryNodes, useUpdateCategory } from './api';
import { CategoryFormModal, type CategoryFormTarget } from './category-form-modal';
import { buildCategoryTree, categoryMatches, indexCategories, type CategoryTreeNode } from './category-tree';

/** The parts of `text` that contain `q` (case-insensitively) marked, for the search's highlight. */
function Highlight({ text, q }: { text: string; q: string }) {
  const needle = q.trim().toLowerCase();
  const at = needle ? text.toLowerCase().indexOf(needle) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>
        {text.slice(at, at + needle.length)}
      </mark>
      {text.slice(at + needle.length)}
    </>
  );
}

/**
 * 分类管理: the ticket category tree. Categories are never deleted: retiring one (with everything
 * below it) keeps it on old tickets but takes it out of the intake's choices.
 */
export default function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('categories:manage');
  const { data, isPending, refetch, isFetching } = useCategoryNodes();
  const update = useUpdateCategory();
  const showError = useApiError();
  const { message } = App.useApp();
  const en = i18n.language === 'en-US';
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<CategoryFormTarget | null>(null);
  // null: the default view, the top level opened to show the 19 perception elements
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

  const list = useMemo(() => data ?? [], [data]);
  const index = useMemo(() => indexCategories(list), [list]);
  const matches = useMemo(() => (q.trim() ? list.filter((c) => categoryMatches(c, q)) : list), [list, q]);
  const tree = useMemo(() => buildCategoryTree(list, q.trim() ? (c) => categoryMatches(c, q) : undefined), [list, q]);
  const nameOf = useCallback((c: CategoryNode) => (en && c.nameEn ? c.nameEn : c.name), [en]);
  const withChildren = (ids: Iterable<string>) => [...ids].filter((id) => (index.descendants.get(id)?.length ?? 0) > 0);
  const expandedKeys = expanded ? [...expanded] : list.filter((c) => c.level === 1).map((c) => c.id);

  const search = (value: string) => {
    setQ(value);
    const hits = value.trim() ? list.filter((c) => categoryMatches(c, value)) : [];
    // open every ancestor of a match so each one is in view; clearing the box restores the default
    setExpanded(hits.length ? new Set(hits.flatMap((c) => c.path.filter((id) => id !== c.id))) : null);
  };

  const setActive = (c: CategoryNode, active: boolean, affected: number) =>
    update.mutateAsync({ id: c.id, active }).then(
      () => void message.success(active ? t('categoryAdmin.reactivated') : t('categoryAdmin.retiredDone', { count: affected + 1 })),
      (e: unknown) => showError(e),
    );

  const actions = (c: CategoryTreeNode) => {
    const activeBelow = (index.descendants.get(c.id) ?? []).filter((d) => d.active).length;
    const retiredBelow = (index.descendants.get(c.id) ?? []).filter((d) => !d.active).length;
    const parent = c.parentId ? index.byId.get(c.parentId) : undefined;
    const addBlocked = !c.active ? t('categoryAdmin.cannotAddRetired') : c.level >= CATEGORY_LIMITS.maxLevel ? t('categoryAdmin.maxDepth', { max: CATEGORY_LIMITS.maxLevel }) : null;
    return (
      <Space size={0}>
        <Tooltip title={addBlocked}>
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            disabled={!!addBlocked}
            onClick={() => {
              // open the parent now, so the new child is in view once saved
              setExpanded(new Set([...expandedKeys, c.id]));
              setTarget({ mode: 'create', parent: c });
            }}
            data-testid={`category-add-${c.code}`}
          >
            {t('categoryAdmin.addChild')}
          </Button>
        </Tooltip>
        <span data-testid={`category-edit-${c.code}`}>
          <EditRowButton onClick={() => setTarget({ mode: 'edit', category: c })} />
        </span>
        {c.active ? (
          <Popconfirm
            title={t('categoryAdmin.retireTitle', { name: nameOf(c) })}
            description={
              <div style={{ maxWidth: 320 }}>
                {activeBelow ? t('categoryAdmin.retireSubtree', { count: activeBelow }) : null}
                {t('categoryAdmin.retireEffect')}
              </div>
            }
            okText={t('categoryAdmin.retire')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => setActive(c, false, activeBelow)}
          >
            <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`category-retire-${c.code}`}>
              {t('categoryAdmin.retire')}
            </Button>
          </Popconfirm>
        ) : (
          <Tooltip title={parent && !parent.active ? t('categoryAdmin.parentRetired', { parent: nameOf(parent) }) : undefined}>
            <span>
              <Popconfirm
                title={t('categoryAdmin.reactivateTitle', { name: nameOf(c) })}
                description={
                  retiredBelow ? <div style={{ maxWidth: 320 }}>{t('categoryAdmin.reactivateSubtree', { count: retiredBelow })}</div> : undefined
                }
                okText={t('categoryAdmin.reactivate')}
                cancelText={t('common.cancel')}
                onConfirm={() => setActive(c, true, 0)}
                disabled={!!parent && !parent.active}
              >
                <Button
                  type="link"
                  size="small"
                  icon={<CheckCircleOutlined />}
                  disabled={!!parent && !parent.active}
                  data-testid={`category-reactivate-${c.code}`}
                >
                  {t('categoryAdmin.reactivate')}
                </Button>
              </Popconfirm>
            </span>
          </Tooltip>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={t('categoryAdmin.title')}
        subtitle={t('categoryAdmin.subtitle')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            <Button onClick={() => setExpanded(new Set(withChildren(index.byId.keys())))}>{t('org.expandAll')}</Button>
            <Button onClick={() => setExpanded(new Set())}>{t('org.collapseAll')}</Button>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parent: null })} data-testid="category-add-root">
                {t('categoryAdmin.addRoot')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} align="center" wrap style={{ padding: 16 }}>
          <div data-testid="category-search">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              style={{ width: 340 }}
              placeholder={t('categoryAdmin.searchPlaceholder')}
              value={q}
              onChange={(e) => search(e.target.value)}
            />
          </div>
          <Typography.Text type="secondary">
            {q.trim()
              ? t('categoryAdmin.matches', { count: matches.length })
              : t('categoryAdmin.summary', { total: list.length, retired: list.filter((c) => !c.active).length })}
          </Typography.Text>
        </Flex>
        <Table<CategoryTreeNode>
          rowKey="id"
          loading={isPending}
          dataSource={tree}
          pagination={false}
          size="middle"
          locale={{ emptyText: q.trim() ? t('categoryAdmin.noMatch') : undefined }}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpand: (open, row) => {
              const next = new Set(expandedKeys);
              if (open) next.add(row.id);
              else next.delete(row.id);
              setExpanded(next);
            },
          }}
          columns={[
            {
              title: t('categoryAdmin.name'),
              key: 'name',
              ellipsis: true,
              render: (_, c) => {
                const other = en ? c.name : c.nameEn;
                return (
                  <>
                    <Typography.Text strong={c.level === 1} type={c.active ? undefined : 'secondary'}>
                      <Highlight text={nameOf(c)} q={q} />
                    </Typography.Text>
                    {other && other !== nameOf(c) && (
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                        <Highlight text={other} q={q} />
                      </Typography.Text>
                    )}
                  </>
                );
              },
            },
            {
              title: t('categoryAdmin.code'),
              dataIndex: 'code',
              width: 140,
              render: (code: string) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  <Highlight text={code} q={q} />
                </Typography.Text>
              ),
            },
            { title: t('categoryAdmin.level'), dataIndex: 'level', width: 80, render: (level: number) => t('categoryAdmin.levelN', { level }) },
            { title: t('categoryAdmin.sort'), dataIndex: 'sort', width: 70, align: 'right' },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 90,
              render: (active: boolean) =>
                active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('categoryAdmin.retired')}</Tag>,
            },
            ...(manage ? [{ title: t('common.actions'), key: 'actions', width: 270, render: (_: unknown, c: CategoryTreeNode) => actions(c) }] : []),
          ]}
        />
      </Card>
      <CategoryFormModal target={target} nameOf={nameOf} onClose={() => setTarget(null)} />
    </>
  );
}
