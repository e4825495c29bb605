import { Alert, App, Button, Card, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { SlaPolicy } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCalendars } from '../../api/calendars';
import { useApiError } from '../../api/use-api-error';
import { MoveButtons, movedOrder } from '../../components/move-buttons';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { EditRowButton } from '../../components/row-actions';
import { ConditionSummary } from '../assignment/condition-summary';
import { useReorderSlaPolicies, useSlaPolicies } from './api';
import { AlertsCell, TargetsCell } from './policy-cells';
import { PolicyDrawer } from './policy-drawer';

/**
 * Active policies that can never apply: an earlier active policy without conditions matches every
 * ticket first (a new policy is added at the end, often after the catch-all). Id → the catch-all's name.
 */
function shadowedPolicies(list: SlaPolicy[]): Map<string, string> {
  const shadowed = new Map<string, string>();
  const catchAll = list.find((p) => p.active && Object.values(p.conditions).every((v) => !v?.length));
  if (!catchAll) return shadowed;
  for (const p of list.slice(list.indexOf(catchAll) + 1)) if (p.active) shadowed.set(p.id, catchAll.name);
  return shadowed;
}

/**
 * 时限标准: the ordered SLA policies; the first active one whose conditions hold applies to a
 * ticket. People with sla:manage reorder and edit them (with an impact preview before saving);
 * everyone else with sla:read sees the same list and each policy read-only.
 */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const manage = useCan()('sla:manage');
  const { data: policies, isPending, isFetching, refetch } = useSlaPolicies();
  const { data: calendars } = useCalendars();
  const reorder = useReorderSlaPolicies();
  const showError = useApiError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const list = policies ?? [];
  const calendarName = (key: string) => calendars?.find((c) => c.key === key)?.name ?? key;
  const edited = editing?.id ? (list.find((p) => p.id === editing.id) ?? null) : null;
  const shadowed = shadowedPolicies(list);

  const move = (index: number, by: -1 | 1) =>
    reorder.mutate(movedOrder(list.map((p) => p.id), index, by), {
      onSuccess: (r) => void message.success(r.impact.count ? t('sla.reorderedImpact', { count: r.impact.count }) : t('assignment.reordered')),
      onError: (e) => showError(e),
    });

  return (
    <>
      <PageHeader
        title={t('sla.title')}
        subtitle={t('sla.subtitle')}
        extra={
          <>
            <RefreshButton fetching={isFetching} refetch={refetch} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })} disabled={!calendars?.length} data-testid="policy-create">
                {t('sla.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: '16px 0 8px' } }}>
        <div style={{ padding: '0 16px 16px' }}>
          <Alert type="info" showIcon title={t('sla.introTitle')} description={t('sla.intro')} />
        </div>
        <Table<SlaPolicy>
          rowKey="id"
          size="middle"
          loading={isPending || reorder.isPending}
          dataSource={list}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('sla.noPolicies') }}
          columns={[
            { title: t('assignment.order'), key: 'order', width: 56, align: 'center', render: (_, _p, i) => <Typography.Text strong>{i + 1}</Typography.Text> },
            {
              title: t('sla.name'),
              dataIndex: 'name',
              width: 190,
              render: (name: string, p) => (
                <Flex vertical gap={2}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong={p.active} type={p.active ? undefined : 'secondary'} data-testid="policy-name">
                      {name}
                    </Typography.Text>
                    {!p.active && <Tag>{t('common.inactive')}</Tag>}
                    {shadowed.has(p.id) && (
                      <Tooltip title={t('sla.shadowedHint', { name: shadowed.get(p.id) })}>
                        <Tag color="warning" data-testid="policy-shadowed">
                          {t('sla.shadowed')}
                        </Tag>
                      </Tooltip>
                    )}
                  </Flex>
                  {p.sourceStandard && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: p.sourceStandard }} style={{ fontSize: 12, maxWidth: 180 }}>
                      {p.sourceStandard}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('assignment.conditions'), key: 'conditions', render: (_, p) => <ConditionSummary conditions={p.conditions} /> },
            {
              title: t('sla.calendar'),
              dataIndex: 'calendarKey',
              width: 140,
              render: (key: string) => (
                <Link to={`/calendars?key=${encodeURIComponent(key)}`}>
                  <Typography.Text ellipsis={{ tooltip: calendarName(key) }} style={{ maxWidth: 124, color: 'inherit' }}>
                    {calendarName(key)}
                  </Typography.Text>
                </Link>
              ),
            },
            { title: t('sla.targetsColumn'), key: 'targets', width: 150, render: (_, p) => <TargetsCell targets={p.targets} /> },
            { title: t('sla.alertsColumn'), key: 'alerts', width: 140, render: (_, p) => <AlertsCell alerts={p.alerts} calendars={calendars ?? []} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: manage ? 150 : 100,
              fixed: 'right',
              render: (_, p, i) => (
                <Space size={0} data-testid={`policy-actions-${i}`}>
                  {manage && <MoveButtons index={i} count={list.length} busy={reorder.isPending} onMove={(by) => move(i, by)} testIdPrefix="policy" />}
                  {manage ? (
                    <EditRowButton onClick={() => setEditing({ id: p.id })} />
                  ) : (
                    <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setEditing({ id: p.id })}>
                      {t('sla.view')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <PolicyDrawer
        open={editing !== null}
        policy={edited}
        calendars={calendars ?? []}
        readOnly={!manage}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
