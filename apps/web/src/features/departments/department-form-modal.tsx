import { Form } from 'antd';
import type { Department } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateDepartment, useUpdateDepartment } from '../../api/departments';
import { CodeNameFields } from '../../components/code-name-fields';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  orgUnitId?: string;
}

/** Create (`department` null) or edit a department; the org unit is fixed once created. */
export function DepartmentFormModal({
  open,
  department,
  onClose,
}: {
  open: boolean;
  department: Department | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const saveAndClose = useSaveAndClose(form, onClose);
  const { orgUnitId } = useOrgUnitScope();

  const submit = (v: Values) => {
    const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
    const done = saveAndClose(t('common.saved'));
    if (department) update.mutate({ id: department.id, code: v.code, name: v.name, nameEn }, done);
    else create.mutate({ code: v.code, name: v.name, nameEn, orgUnitId: v.orgUnitId ?? orgUnitId }, done);
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={department ? t('dept.edit') : t('dept.create')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          department
            ? { code: department.code, name: department.name, nameEn: department.nameEn ?? '' }
            : { orgUnitId }
        }
      >
        {!department && (
          <Form.Item name="orgUnitId" label={t('dept.orgUnit')} rules={[{ required: true }]}>
            <OrgUnitTreeSelect />
          </Form.Item>
        )}
        <CodeNameFields labels={{ code: t('dept.code'), name: t('dept.name'), nameEn: t('dept.nameEn') }} />
      </Form>
    </FormModal>
  );
}
