import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { Department } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUpdateDepartment } from '../../api/departments';
import { useApiError } from '../../api/use-api-error';
import { activeStatusColumn } from '../../components/active-status';
import { PageHeader } from '../../components/page-header';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { EditRowButton } from '../../components/row-actions';
import { DepartmentFormModal } from './department-form-modal';

/** 部门: departments in scope; create, edit and (de)activate with org:manage. */
export default function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('org:manage');
  const { data, isPending, refetch, isFetching } = useDepartments();
  const update = useUpdateDepartment();
  const showError = useApiError();
  const { message } = App.useApp();
  const unitNameOf = useOrgUnitNameOf();
  const [editing, setEditing] = useState<{ department: Department | null } | null>(null);
  const en = i18n.language === 'en-US';

  const setActive = (d: Department, active: boolean) =>
    update.mutateAsync({ id: d.id, active }).then(
      () => void message.success(t('common.saved')),
      (e: unknown) => showError(e),
    );

  return (
    <>
      <PageHeader
        title={t('dept.title')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ department: null })}>
                {t('dept.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Department>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          size="middle"
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { total: n }), hideOnSinglePage: false }}
          columns={[
            { title: t('dept.code'), dataIndex: 'code', width: 160, sorter: (a, b) => a.code.localeCompare(b.code) },
            {
              title: t('dept.name'),
              key: 'name',
              render: (_, d) => (en && d.nameEn ? d.nameEn : d.name),
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            },
            {
              title: t('dept.orgUnit'),
              dataIndex: 'orgUnitId',
              render: (id: string) => unitNameOf(id) ?? '—',
            },
            { title: t('dept.members'), dataIndex: 'memberCount', width: 100, align: 'right' },
            activeStatusColumn(t),
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 180,
                    render: (_: unknown, d: Department) => (
                      <Space size={0}>
                        <EditRowButton onClick={() => setEditing({ department: d })} />
                        {d.active ? (
                          <Popconfirm
                            title={t('dept.deactivateConfirm', { name: en && d.nameEn ? d.nameEn : d.name })}
                            okText={t('dept.deactivate')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => setActive(d, false)}
                          >
                            <Button type="link" size="small" danger icon={<StopOutlined />}>
                              {t('dept.deactivate')}
                            </Button>
                          </Popconfirm>
                        ) : (
                          <Button type="link" size="small" icon={<CheckCircleOutlined />} onClick={() => void setActive(d, true)}>
                            {t('dept.activate')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <DepartmentFormModal open={editing !== null} department={editing?.department ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
