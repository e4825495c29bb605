import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { Code, LIMITS, type Department } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateDepartment, useUpdateDepartment } from '../../api/departments';
import { useOrgUnits } from '../../api/org-units';
import { useApiError } from '../../api/use-api-error';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { buildOrgTree, toTreeOptions, useOrgName } from '../../components/org-tree';
import { zodRule } from '../../components/zod-rule';

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
  const showError = useApiError();
  const { message } = App.useApp();
  const { data: units } = useOrgUnits();
  const { orgUnitId } = useOrgUnitScope();
  const orgName = useOrgName();
  const treeData = useMemo(() => toTreeOptions(buildOrgTree(units ?? []), orgName), [units, orgName]);

  const submit = (v: Values) => {
    const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (department) update.mutate({ id: department.id, code: v.code, name: v.name, nameEn }, done);
    else create.mutate({ code: v.code, name: v.name, nameEn, orgUnitId: v.orgUnitId ?? orgUnitId }, done);
  };

  return (
    <Modal
      open={open}
      title={department ? t('dept.edit') : t('dept.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
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
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={t('dept.code')}
          rules={[{ required: true }, zodRule(Code, t('validation.code', { max: LIMITS.codeMax }))]}
        >
          <Input maxLength={LIMITS.codeMax} />
        </Form.Item>
        <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('dept.nameEn')}>
          <Input maxLength={LIMITS.nameMax} placeholder={t('common.optional')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
