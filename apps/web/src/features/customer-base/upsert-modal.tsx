import { App, DatePicker, Form, InputNumber, Modal, TreeSelect } from 'antd';
import type { CustomerBase } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpsertCustomerBase } from '../../api/customer-base';
import { useOrgUnits } from '../../api/org-units';
import { useApiError } from '../../api/use-api-error';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { buildOrgTree, toTreeOptions, useOrgName } from '../../components/org-tree';

interface Values {
  orgUnitId: string;
  month: Dayjs;
  customers: number;
}

/** PUT one (org unit, month) row: creates it or replaces the number. */
export function UpsertModal({ open, row, onClose }: { open: boolean; row: CustomerBase | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const upsert = useUpsertCustomerBase();
  const showError = useApiError();
  const { message } = App.useApp();
  const { data: units } = useOrgUnits();
  const { orgUnitId } = useOrgUnitScope();
  const orgName = useOrgName();
  const treeData = useMemo(() => toTreeOptions(buildOrgTree(units ?? []), orgName), [units, orgName]);

  return (
    <Modal
      open={open}
      title={t('customerBase.upsertTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={upsert.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { orgUnitId: row.orgUnitId, month: dayjs(row.month + '-01'), customers: row.customers }
            : { orgUnitId, month: dayjs().subtract(1, 'month').startOf('month') }
        }
        onFinish={(v) =>
          upsert.mutate(
            { orgUnitId: v.orgUnitId, month: v.month.format('YYYY-MM'), customers: v.customers },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="orgUnitId" label={t('customerBase.orgUnit')} rules={[{ required: true }]}>
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" disabled={!!row} />
        </Form.Item>
        <Form.Item name="month" label={t('customerBase.month')} rules={[{ required: true }]}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} disabled={!!row} />
        </Form.Item>
        <Form.Item name="customers" label={t('customerBase.customers')} rules={[{ required: true }]}>
          <InputNumber<number> min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
