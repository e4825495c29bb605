import { DatePicker, Form, InputNumber } from 'antd';
import type { CustomerBase } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUpsertCustomerBase } from '../../api/customer-base';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';

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
  const saveAndClose = useSaveAndClose(form, onClose);
  const { orgUnitId } = useOrgUnitScope();

  return (
    <FormModal form={form} open={open} title={t('customerBase.upsertTitle')} onClose={onClose} saving={upsert.isPending}>
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
            saveAndClose(t('common.saved')),
          )
        }
      >
        <Form.Item name="orgUnitId" label={t('customerBase.orgUnit')} rules={[{ required: true }]}>
          <OrgUnitTreeSelect disabled={!!row} />
        </Form.Item>
        <Form.Item name="month" label={t('customerBase.month')} rules={[{ required: true }]}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} disabled={!!row} />
        </Form.Item>
        <Form.Item name="customers" label={t('customerBase.customers')} rules={[{ required: true }]}>
          <InputNumber<number> min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
