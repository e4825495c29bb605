import { Button, Card, Checkbox, DatePicker, Dropdown, Empty, Flex, Input, Select, Switch, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CHANNELS, OPEN_STATES, PRIORITIES, REQUEST_TYPES, TICKET_STATES, type TicketSummary } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../api/session';
import { ticketExportUrl, useTickets } from '../../api/tickets';
import { formatDateTime } from '../../components/format';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { serverPagination, sortOrderOf, sortParam } from '../../components/table-helpers';
import { AssigneeSelect } from './assignee-select';
import { BulkBar } from './bulk-actions';
import { useCategoryTree } from './categories';
import { GroupSelect } from './group-select';
import { ALL_UNITS, toFilters, useListView, type WorkView } from './list-url-state';
import { SavedFiltersMenu } from './saved-filters-menu';
import { SlaCountdown } from './sla-countdown';
import { TicketNoLink, TicketTitleCell } from './ticket-links';
import { PriorityText, shortName, StateTag } from './ticket-tags';

/**
 * 工单: the work list — my tickets, my groups' queues, tickets I accepted, or all in scope —
 * filtered, searched, sorted and paged by the server; saved filters; bulk assign, transfer, close.
 */
export default function TicketsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { orgUnitId: headerUnitId } = useOrgUnitScope();
  const categories = useCategoryTree();
  const { list: view, patch, reset, apply } = useListView();
  const filters = toFilters(view, me, headerUnitId);
  const { data, isFetching, isLoading, refetch, error } = useTickets(filters);
  const handles = can('tickets:handle');

  // Selected rows by id, kept across pages and sorting (up to the bulk limit) but not across other
  // filters: a selection one can no longer see is too easy to act on by mistake.
  const [selected, setSelected] = useState<Map<string, TicketSummary>>(() => new Map());
  const { page: _p, pageSize: _s, ...exportFilters } = filters;
  const selectionKey = JSON.stringify({ ...exportFilters, sort: undefined });
  const [shownKey, setShownKey] = useState(selectionKey);
  if (shownKey !== selectionKey) {
    setShownKey(selectionKey);
    if (selected.size) setSelected(new Map());
  }
  // each selected ticket as its row shows it now (the version sent is the one on screen)
  const selectedRows = useMemo(() => {
    const onPage = new Map((data?.items ?? []).map((r) => [r.id, r]));
    return [...selected.values()].map((r) => onPage.get(r.id) ?? r);
  }, [selected, data]);

  // the search box edits freely; the list follows on Enter (and when a shared link changes q)
  const [q, setQ] = useState(view.q ?? '');
  const [shownQ, setShownQ] = useState(view.q);
  if (shownQ !== view.q) {
    setShownQ(view.q);
    setQ(view.q ?? '');
  }

  const orgSelectValue = view.orgUnitId === ALL_UNITS ? undefined : (filters.orgUnitId ?? undefined);
  const filtered =
    !!view.q || !!view.state || !!view.type || !!view.channel || !!view.priority || !!view.categoryId || !!view.orgUnitId || !!view.customerId ||
    !!view.assigneeId || !!view.groupId || view.escalated !== undefined || view.repeat !== undefined || view.open !== undefined || view.overdue !== undefined || view.atRisk !== undefined || !!view.from || !!view.to;
  // the person filter's name: they handle every row it shows (or it is me)
  const assigneeName = view.assigneeId
    ? view.assigneeId === me.id
      ? me.displayName
      : (data?.items.find((r) => r.assigneeId === view.assigneeId)?.assigneeName ?? undefined)
    : undefined;

  const tabs: { key: WorkView; label: string }[] = [
    ...(handles ? [{ key: 'mine' as const, label: t('ticket.scopeMine') }] : []),
    ...(handles ? [{ key: 'my_groups' as const, label: t('workList.view_my_groups') }] : []),
    ...(can('tickets:create') ? [{ key: 'accepted' as const, label: t('ticket.scopeAccepted') }] : []),
    { key: 'all', label: t('ticket.scopeAll') },
  ];

  return (
    <>
      <PageHeader
        title={t('ticket.listTitle')}
        subtitle={t('ticket.listSubtitle')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            <Dropdown
              menu={{
                items: (['xlsx', 'csv'] as const).map((f) => ({
                  key: f,
                  label: (
                    <a href={ticketExportUrl(exportFilters, f, i18n.language)} download>
                      {t(f === 'xlsx' ? 'ticket.exportXlsx' : 'ticket.exportCsv')}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('ticket.export')}</Button>
            </Dropdown>
            {/* a bulk import backdates tickets and routes them in thousands: a manager's job */}
            {can('tickets:manage') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/tickets/import')} data-testid="ticket-import">
                {t('ticketImport.open')}
              </Button>
            )}
            {can('tickets:create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')} data-testid="ticket-new">
                {t('ticket.newTicket')}
              </Button>
            )}
          </>
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        tabList={tabs.map((s) => ({ key: s.key, label: <span data-testid={`view-${s.key}`}>{s.label}</span> }))}
        activeTabKey={view.view}
        onTabChange={(key) => patch({ view: key as WorkView, assigneeId: key === 'mine' ? undefined : view.assigneeId })}
        tabProps={{ size: 'middle' }}
        tabBarExtraContent={<SavedFiltersMenu list={view} onApply={apply} assigneeName={assigneeName} />}
      >
        <Flex vertical gap={12} style={{ padding: '16px 16px 12px' }}>
          <Flex gap={12} wrap>
            <Input.Search
              allowClear
              style={{ width: 320 }}
              placeholder={t('ticket.searchPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => patch({ q: v.trim() || undefined, sort: v.trim() ? undefined : view.sort })}
              enterButton={t('common.search')}
              data-testid="ticket-search"
            />
            <Select
              allowClear
              style={{ width: 136 }}
              placeholder={t('ticket.state')}
              value={view.state}
              onChange={(state) => patch({ state })}
              options={TICKET_STATES.map((s) => ({ value: s, label: t(`ticketState.${s}`) }))}
              data-testid="filter-state"
            />
            <Select
              allowClear
              style={{ width: 128 }}
              placeholder={t('ticket.type')}
              value={view.type}
              onChange={(type) => patch({ type })}
              options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`ticketType.${v}`) }))}
            />
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('ticket.channel')}
              value={view.channel}
              onChange={(channel) => patch({ channel })}
              options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))}
            />
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('ticket.priority')}
              value={view.priority}
              onChange={(priority) => patch({ priority })}
              options={PRIORITIES.map((v) => ({ value: v, label: t(`priority.${v}`) }))}
            />
            {/* the flags sit with the filters, not in the tab bar: there, in English, they squeezed the views' tabs into a scroller */}
            <Flex gap={8} wrap align="center">
              <Checkbox checked={!!view.escalated} onChange={(e) => patch({ escalated: e.target.checked || undefined })}>
                {t('ticket.escalated')}
              </Checkbox>
              <Checkbox checked={!!view.repeat} onChange={(e) => patch({ repeat: e.target.checked || undefined })}>
                {t('ticket.repeat')}
              </Checkbox>
              <Checkbox checked={!!view.overdue} onChange={(e) => patch({ overdue: e.target.checked || undefined })} data-testid="filter-overdue">
                {t('ticket.overdue')}
              </Checkbox>
              <Checkbox
                checked={!!view.atRisk}
                onChange={(e) => patch(e.target.checked ? { atRisk: true, sort: view.sort ?? 'deadline' } : { atRisk: undefined, sort: view.sort === 'deadline' ? undefined : view.sort })}
                data-testid="filter-at-risk"
              >
                <Tooltip title={t('slaClock.atRiskHint')}>{t('slaClock.atRisk')}</Tooltip>
              </Checkbox>
              <Switch size="small" id="filter-open" checked={!!view.open} onChange={(open) => patch({ open: open || undefined })} data-testid="filter-open" />
              <label htmlFor="filter-open" style={{ cursor: 'pointer' }}>
                {t('ticket.openOnly')}
              </label>
            </Flex>
          </Flex>
          <Flex gap={12} wrap align="center">
            <TreeSelect<string>
              allowClear
              showSearch
              style={{ width: 180 }}
              placeholder={t('ticket.category')}
              value={view.categoryId}
              onChange={(categoryId) => patch({ categoryId })}
              treeData={categories.tree.map((n) => ({ ...n, selectable: true }))}
              treeNodeFilterProp="path"
              treeNodeLabelProp="title"
              popupMatchSelectWidth={300}
            />
            <OrgUnitTreeSelect
              allowClear
              style={{ width: 170 }}
              placeholder={t('ticket.allOrgUnits')}
              value={orgSelectValue}
              onChange={(id) => patch({ orgUnitId: id ?? ALL_UNITS })}
              popupMatchSelectWidth={260}
            />
            <GroupSelect
              allowClear
              style={{ width: 140 }}
              placeholder={t('workList.group')}
              value={view.groupId}
              onChange={(groupId) => patch({ groupId })}
              popupMatchSelectWidth={240}
              data-testid="filter-group"
            />
            {handles && view.view !== 'mine' && (
              <AssigneeSelect
                allowClear
                style={{ width: 120 }}
                placeholder={t('ticket.assignee')}
                value={view.assigneeId}
                onChange={(assigneeId) => patch({ assigneeId })}
                initialOption={view.assigneeId && assigneeName ? { id: view.assigneeId, displayName: assigneeName } : undefined}
                labelRender={(o) => (o.label !== undefined && o.label !== o.value ? o.label : t('workList.somePerson'))}
                popupMatchSelectWidth={240}
                data-testid="filter-assignee"
              />
            )}
            <DatePicker.RangePicker
              style={{ width: 240 }}
              allowEmpty={[true, true]}
              value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
              onChange={(range) =>
                patch({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
              }
              placeholder={[t('ticket.createdFrom'), t('ticket.createdTo')]}
            />
            {view.customerId && (
              <Tag closable color="blue" onClose={() => patch({ customerId: undefined })} style={{ marginInlineEnd: 0 }}>
                {t('ticket.oneCustomer')}
              </Tag>
            )}
            <Button
              type="link"
              disabled={!filtered && !view.sort}
              style={{ paddingInline: 4 }}
              onClick={() => {
                setQ('');
                reset();
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Flex>
        {data?.rankedNewest && (
          <Typography.Text type="secondary" style={{ padding: '0 16px 8px', display: 'block' }} data-testid="ranked-newest">
            {t('ticket.rankedNewest', { n: data.rankedNewest.toLocaleString() })}
          </Typography.Text>
        )}
        {handles && (
          <BulkBar
            rows={selectedRows}
            onClear={() => setSelected(new Map())}
            onSettled={(ids) =>
              setSelected((cur) => {
                const next = new Map(cur);
                for (const id of ids) next.delete(id);
                return next;
              })
            }
          />
        )}
        <Table<TicketSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1180 }}
          data-testid="ticket-table"
          rowSelection={
            handles
              ? {
                  selectedRowKeys: [...selected.keys()],
                  preserveSelectedRowKeys: true,
                  columnWidth: 32,
                  fixed: 'left',
                  // nothing can be assigned, transferred or closed once a ticket is done
                  getCheckboxProps: (r) => ({ disabled: !OPEN_STATES.includes(r.state) }),
                  onChange: (keys) =>
                    setSelected((cur) => {
                      const onPage = new Map((data?.items ?? []).map((r) => [r.id, r]));
                      const next = new Map<string, TicketSummary>();
                      for (const k of keys) {
                        const row = onPage.get(String(k)) ?? cur.get(String(k));
                        if (row) next.set(row.id, row);
                      }
                      return next;
                    }),
                }
              : undefined
          }
          pagination={serverPagination(t, view.page, view.pageSize, data?.total, { lowerBound: data?.totalIsLowerBound, rows: data?.items.length ?? 0, pageable: data?.rankedNewest })}
          onChange={(p, _f, sorter) => {
            const sort = sortParam(sorter);
            const pageSize = p.pageSize ?? view.pageSize;
            if (sort !== view.sort || pageSize !== view.pageSize) patch({ sort, pageSize });
            else patch({ page: p.current ?? 1 });
          }}
          locale={{
            emptyText: isLoading ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <>
                    <div>{error ? t('common.loadFailed') : t('ticket.empty')}</div>
                    {!error && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('ticket.emptyHint')}
                      </Typography.Text>
                    )}
                  </>
                }
                style={{ padding: '24px 0' }}
              >
                {filtered ? (
                  <Button
                    onClick={() => {
                      setQ('');
                      reset();
                    }}
                  >
                    {t('ticket.clearFilters')}
                  </Button>
                ) : (
                  can('tickets:create') && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')}>
                      {t('ticket.newTicket')}
                    </Button>
                  )
                )}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('ticket.no'),
              dataIndex: 'no',
              width: 146,
              fixed: 'left',
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'no'),
              render: (_no: string, r) => <TicketNoLink ticket={r} />,
            },
            {
              title: t('ticket.title'),
              dataIndex: 'title',
              render: (_title: string, r) => <TicketTitleCell ticket={r} />,
            },
            {
              title: t('ticket.type'),
              dataIndex: 'type',
              width: en ? 100 : 80,
              render: (v: TicketSummary['type']) => t(`ticketType.${v}`),
            },
            {
              title: t('ticket.state'),
              dataIndex: 'state',
              width: en ? 100 : 96,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'state'),
              render: (s: TicketSummary['state'], r) => (
                <Flex vertical align="flex-start" gap={2}>
                  <StateTag state={s} />
                  {s === 'pending' && r.pendingReason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`pendingReason.${r.pendingReason}`)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('slaClock.column'),
              key: 'deadline',
              width: en ? 140 : 128,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'deadline'),
              render: (_, r) => <SlaCountdown sla={r.sla} compact />,
            },
            {
              title: t('ticket.priority'),
              dataIndex: 'priority',
              width: en ? 88 : 76,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'priority'),
              render: (p: TicketSummary['priority']) => <PriorityText priority={p} />,
            },
            {
              title: t('ticket.category'),
              dataIndex: 'categoryName',
              width: 100,
              ellipsis: { showTitle: false },
              render: (name: string, r) => (
                <Tooltip title={categories.path(r.categoryId) ?? name} placement="topLeft">
                  {categories.name(r.categoryId) ?? name}
                </Tooltip>
              ),
            },
            {
              title: t('ticket.customer'),
              key: 'customer',
              width: 104,
              render: (_, r) => (
                <div className="qloop-cell-2">
                  <div>
                    {r.customer.name ?? '—'}
                    {r.customer.tier === 'vip' && <span className="qloop-vip">VIP</span>}
                  </div>
                  <div className="qloop-cell-sub">{r.customer.phone ?? r.customer.customerNo ?? ''}</div>
                </div>
              ),
            },
            {
              title: t('ticket.assignee'),
              dataIndex: 'assigneeName',
              width: 92,
              ellipsis: { showTitle: false },
              render: (name: string | null) =>
                name ? (
                  <Tooltip title={name} placement="topLeft">
                    {shortName(name)}
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>
                ),
            },
            {
              title: t('ticket.createdAt'),
              dataIndex: 'createdAt',
              width: 136,
              sorter: true,
              sortOrder: sortOrderOf(view.sort, 'createdAt'),
              render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
