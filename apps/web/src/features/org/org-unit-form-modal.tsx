import { Form, Select, Switch } from 'antd';
import { ORG_CHILD_KINDS, type OrgUnit, type OrgUnitKind } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../../api/org-units';
import { CodeNameFields } from '../../components/code-name-fields';
import { FormModal } from '../../components/form-modal';
import { useOrgName } from '../../components/org-tree';
import { useSaveAndClose } from '../../components/use-save-and-close';

/** `{ parent }` creates a child of it; `{ unit }` edits the unit. */
export type OrgUnitFormTarget = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit };

interface Values {
  kind?: OrgUnitKind;
  code: string;
  name: string;
  nameEn?: string;
  active?: boolean;
}

export function OrgUnitFormModal({ target, onClose }: { target: OrgUnitFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const saveAndClose = useSaveAndClose(form, onClose);
  const orgName = useOrgName();
  const childKinds = target?.mode === 'create' ? ORG_CHILD_KINDS[target.parent.kind] : [];

  // the form is destroyed on close, so initialValues are read afresh for every opening
  const initialValues: Partial<Values> | undefined =
    target?.mode === 'edit'
      ? { code: target.unit.code, name: target.unit.name, nameEn: target.unit.nameEn ?? '', active: target.unit.active }
      : target?.mode === 'create'
        ? { kind: childKinds[0] }
        : undefined;

  const submit = (v: Values) => {
    const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
    const done = saveAndClose(target?.mode === 'create' ? t('org.created') : t('common.saved'));
    if (target?.mode === 'create') {
      create.mutate({ parentId: target.parent.id, kind: v.kind as OrgUnitKind, code: v.code, name: v.name, nameEn }, done);
    } else if (target?.mode === 'edit') {
      update.mutate({ id: target.unit.id, code: v.code, name: v.name, nameEn, active: v.active }, done);
    }
  };

  return (
    <FormModal
      form={form}
      open={target !== null}
      title={target?.mode === 'create' ? t('org.addTitle', { parent: orgName(target.parent) }) : t('org.editTitle')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {target?.mode === 'create' && (
          <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
            <Select options={childKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
          </Form.Item>
        )}
        <CodeNameFields labels={{ code: t('org.code'), name: t('org.name'), nameEn: t('org.nameEn') }} />
        {target?.mode === 'edit' && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
