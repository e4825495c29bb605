import {
  App,
  Button,
  Checkbox,
  Dropdown,
  Form,
  Input,
  Modal,
  Popconfirm,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type MenuProps,
} from 'antd';
import {
  DeleteOutlined,
  DownOutlined,
  FilterOutlined,
  SaveOutlined,
  SettingOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { LIMITS, SAVED_FILTER_LIMITS, type SavedFilter } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useCreateSavedFilter,
  useDeleteSavedFilter,
  useSavedFilters,
  useUpdateSavedFilter,
} from '../../api/saved-filters';
import { useApiError } from '../../api/use-api-error';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { useGroups } from '../assignment/api';
import { useCategoryTree } from './categories';
import { ALL_UNITS, sameQuery, savedQueryOf, type ListView } from './list-url-state';

/**
 * 常用筛选: the caller's saved filters, then those others shared (with their owner's name); a click
 * shows that list. Saves the current filters under a name, and renames, shares, updates or deletes
 * one's own. The button names the saved filter the list shows now, if any.
 */
export function SavedFiltersMenu({
  list,
  onApply,
  assigneeName,
}: {
  list: ListView;
  onApply: (query: Record<string, string>) => void;
  assigneeName?: string;
}) {
  const { t } = useTranslation();
  const { data } = useSavedFilters();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const filters = data ?? [];
  const own = filters.filter((f) => f.mine);
  const shared = filters.filter((f) => !f.mine);
  const active = filters.find((f) => sameQuery(list, f.query));
  const full = own.length >= SAVED_FILTER_LIMITS.perUser;

  const item = (f: SavedFilter) => ({
    key: f.id,
    label: (
      <span className="qloop-saved-filter" data-testid="saved-filter-item">
        <span className="qloop-saved-filter-name">{f.name}</span>
        {f.mine && f.shared && (
          <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
            {t('workList.sharedTag')}
          </Tag>
        )}
        {!f.mine && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.ownerName}
          </Typography.Text>
        )}
      </span>
    ),
  });
  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'own',
      label: t('workList.myFilters'),
      children: own.length
        ? own.map(item)
        : [{ key: 'none', disabled: true, label: t('workList.noFilters') }],
    },
    ...(shared.length
      ? [
          {
            type: 'group' as const,
            key: 'shared',
            label: t('workList.sharedFilters'),
            children: shared.map(item),
          },
        ]
      : []),
    { type: 'divider' },
    {
      key: 'save',
      icon: <SaveOutlined />,
      disabled: full,
      label: (
        <span data-testid="saved-filter-save">
          {full ? t('workList.filtersFull', { max: SAVED_FILTER_LIMITS.perUser }) : t('workList.saveCurrent')}
        </span>
      ),
    },
    ...(own.length
      ? [
          {
            key: 'manage',
            icon: <SettingOutlined />,
            label: <span data-testid="saved-filter-manage">{t('workList.manageFilters')}</span>,
          },
        ]
      : []),
  ];

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          selectable: true,
          selectedKeys: active ? [active.id] : [],
          onClick: ({ key }) => {
            if (key === 'save') setSaving(true);
            else if (key === 'manage') setManaging(true);
            else {
              const f = filters.find((x) => x.id === key);
              if (f) onApply(f.query);
            }
          },
          style: { minWidth: 240, maxHeight: 420, overflowY: 'auto' },
        }}
      >
        <Button size="small" icon={<FilterOutlined />} data-testid="saved-filters" title={active?.name}>
          <span className="qloop-saved-filter-button">
            {active ? t('workList.savedFilterActive', { name: active.name }) : t('workList.savedFilters')}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <SaveFilterModal
        open={saving}
        list={list}
        assigneeName={assigneeName}
        onClose={() => setSaving(false)}
      />
      <ManageFiltersModal open={managing} list={list} filters={own} onClose={() => setManaging(false)} />
    </>
  );
}

/** The current filters in words, as a saved filter would keep them. */
function useConditions(list: ListView, assigneeName?: string): string[] {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  const unitNameOf = useOrgUnitNameOf();
  const { data: groups } = useGroups();
  const out: string[] = [];
  const flag = (label: string, v: boolean | undefined) =>
    v !== undefined && out.push(v ? label : `${label}：${t('common.no')}`);
  if (list.view !== 'all') out.push(t(`workList.view_${list.view}`));
  if (list.q) out.push(`${t('common.search')}：${list.q}`);
  if (list.state) out.push(`${t('ticket.state')}：${t(`ticketState.${list.state}`)}`);
  if (list.type) out.push(`${t('ticket.type')}：${t(`ticketType.${list.type}`)}`);
  if (list.channel) out.push(`${t('ticket.channel')}：${t(`channel.${list.channel}`)}`);
  if (list.priority) out.push(`${t('ticket.priority')}：${t(`priority.${list.priority}`)}`);
  if (list.categoryId) out.push(`${t('ticket.category')}：${categories.path(list.categoryId) ?? '—'}`);
  if (list.orgUnitId && list.orgUnitId !== ALL_UNITS)
    out.push(`${t('ticket.orgUnit')}：${unitNameOf(list.orgUnitId) ?? '—'}`);
  if (list.assigneeId) out.push(`${t('ticket.assignee')}：${assigneeName ?? '—'}`);
  if (list.groupId)
    out.push(`${t('workList.group')}：${groups?.find((g) => g.id === list.groupId)?.name ?? '—'}`);
  if (list.customerId) out.push(t('ticket.oneCustomer'));
  flag(t('ticket.escalated'), list.escalated);
  flag(t('ticket.overdue'), list.overdue);
  flag(t('ticket.repeat'), list.repeat);
  flag(t('ticket.openOnly'), list.open);
  if (list.from || list.to) out.push(`${t('ticket.createdRange')}：${list.from ?? '…'} ~ ${list.to ?? '…'}`);
  if (list.sort) out.push(t('workList.withSort'));
  return out;
}

function SaveFilterModal({
  open,
  list,
  assigneeName,
  onClose,
}: {
  open: boolean;
  list: ListView;
  assigneeName?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const create = useCreateSavedFilter();
  const showError = useApiError();
  const conditions = useConditions(list, assigneeName);

  return (
    <Modal
      open={open}
      title={t('workList.saveCurrent')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'saved-filter-submit' }}
      destroyOnHidden
      width={480}
    >
      <div style={{ margin: '12px 0 16px' }}>
        <Typography.Text type="secondary">{t('workList.conditions')}</Typography.Text>
        <div
          style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 6 }}
          data-testid="saved-filter-conditions"
        >
          {conditions.length ? (
            conditions.map((c) => (
              <Tag key={c} style={{ marginInlineEnd: 0 }}>
                {c}
              </Tag>
            ))
          ) : (
            <Typography.Text>{t('workList.noConditions')}</Typography.Text>
          )}
        </div>
      </div>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ shared: false }}
        onFinish={(v) =>
          create.mutate(
            { name: v.name.trim(), shared: v.shared, query: savedQueryOf(list) },
            {
              onSuccess: () => {
                void message.success(t('workList.filterSaved'));
                onClose();
              },
              onError: (e) => {
                if (e instanceof ApiError && e.code === 'CONFLICT')
                  form.setFields([{ name: 'name', errors: [t('workList.duplicateName')] }]);
                else showError(e, form);
              },
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('workList.filterName')}
          rules={[{ required: true, whitespace: true }, { max: LIMITS.nameMax }]}
        >
          <Input
            autoFocus
            maxLength={LIMITS.nameMax}
            placeholder={t('workList.filterNamePlaceholder')}
            data-testid="saved-filter-name"
          />
        </Form.Item>
        <Form.Item
          name="shared"
          valuePropName="checked"
          extra={t('workList.shareHint')}
          style={{ marginBottom: 0 }}
        >
          <Checkbox data-testid="saved-filter-shared">{t('workList.share')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One's own saved filters: rename in place, share or not, replace with the current filters, delete. */
function ManageFiltersModal({
  open,
  list,
  filters,
  onClose,
}: {
  open: boolean;
  list: ListView;
  filters: SavedFilter[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateSavedFilter();
  const remove = useDeleteSavedFilter();
  const showError = useApiError();
  const change = (
    f: SavedFilter,
    body: { name?: string; shared?: boolean; query?: Record<string, string> },
    done: string,
  ) =>
    update.mutate(
      { id: f.id, ...body },
      { onSuccess: () => void message.success(done), onError: (e) => showError(e) },
    );

  return (
    <Modal
      open={open}
      title={t('workList.manageFilters')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={620}
      destroyOnHidden
    >
      <Table<SavedFilter>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={filters}
        style={{ marginTop: 12 }}
        data-testid="saved-filter-table"
        columns={[
          {
            title: t('workList.filterName'),
            dataIndex: 'name',
            render: (name: string, f) => (
              <Typography.Text
                editable={{
                  maxLength: LIMITS.nameMax,
                  tooltip: t('workList.rename'),
                  onChange: (v) => {
                    const next = v.trim();
                    if (next && next !== name) change(f, { name: next }, t('workList.renamed'));
                  },
                }}
                style={{ marginBottom: 0 }}
              >
                {name}
              </Typography.Text>
            ),
          },
          {
            title: t('workList.share'),
            dataIndex: 'shared',
            width: 80,
            render: (shared: boolean, f) => (
              <Switch
                size="small"
                checked={shared}
                onChange={(v) =>
                  change(f, { shared: v }, t(v ? 'workList.nowShared' : 'workList.nowPrivate'))
                }
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_, f) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tooltip title={t('workList.replaceHint')}>
                  <Button
                    type="link"
                    size="small"
                    icon={<SyncOutlined />}
                    disabled={sameQuery(list, f.query)}
                    onClick={() => change(f, { query: savedQueryOf(list) }, t('workList.replaced'))}
                  >
                    {t('workList.replace')}
                  </Button>
                </Tooltip>
                <Popconfirm
                  title={t('common.confirmDelete', { name: f.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(f.id, {
                      onSuccess: () => void message.success(t('common.deleted')),
                      onError: (e) => showError(e),
                    })
                  }
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                  />
                </Popconfirm>
              </span>
            ),
          },
        ]}
      />
    </Modal>
  );
}
