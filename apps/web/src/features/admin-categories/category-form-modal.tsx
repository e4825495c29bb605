import { Form, Input, InputNumber } from 'antd';
import { CATEGORY_LIMITS, Code, LIMITS, type CategoryNode } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { useSaveAndClose } from '../../components/use-save-and-close';
import { zodRule } from '../../components/zod-rule';
import { useCreateCategory, useUpdateCategory } from './api';

/** `{ parent }` adds a child of it (null: a new top-level category); `{ category }` edits one. */
export type CategoryFormTarget = { mode: 'create'; parent: CategoryNode | null } | { mode: 'edit'; category: CategoryNode };

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  sort?: number | null;
}

export function CategoryFormModal({
  target,
  nameOf,
  onClose,
}: {
  target: CategoryFormTarget | null;
  nameOf: (c: CategoryNode) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const saveAndClose = useSaveAndClose(form, onClose);
  const editing = target?.mode === 'edit' ? target.category : null;

  const submit = (v: Values) => {
    const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
    const sort = typeof v.sort === 'number' ? v.sort : undefined;
    if (target?.mode === 'create') {
      const done = saveAndClose(t('categoryAdmin.created'));
      create.mutate(
        { parentId: target.parent?.id ?? null, code: v.code, name: v.name, nameEn, sort },
        {
          ...done,
          // a taken code belongs on the code field, in the user's language
          onError: (e) =>
            e instanceof ApiError && e.code === 'CONFLICT'
              ? form.setFields([{ name: 'code', errors: [t('categoryAdmin.codeTaken')] }])
              : done.onError(e),
        },
      );
    } else if (editing) {
      update.mutate({ id: editing.id, name: v.name, nameEn, sort }, saveAndClose(t('common.saved')));
    }
  };

  const title =
    target?.mode === 'edit'
      ? t('categoryAdmin.editTitle')
      : target?.parent
        ? t('categoryAdmin.addTitle', { parent: nameOf(target.parent) })
        : t('categoryAdmin.addRoot');

  return (
    <FormModal form={form} open={target !== null} title={title} onClose={onClose} saving={create.isPending || update.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={editing ? { code: editing.code, name: editing.name, nameEn: editing.nameEn ?? '', sort: editing.sort } : {}}
      >
        <Form.Item
          name="code"
          label={t('categoryAdmin.code')}
          extra={editing ? t('categoryAdmin.codeImmutable') : undefined}
          rules={editing ? [] : [{ required: true }, zodRule(Code, t('validation.code', { max: LIMITS.codeMax }))]}
        >
          <Input maxLength={LIMITS.codeMax} disabled={!!editing} placeholder={target?.mode === 'create' && target.parent ? `${target.parent.code}-01` : undefined} />
        </Form.Item>
        <Form.Item name="name" label={t('categoryAdmin.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categoryAdmin.nameEn')}>
          <Input maxLength={LIMITS.nameMax} placeholder={t('common.optional')} />
        </Form.Item>
        <Form.Item name="sort" label={t('categoryAdmin.sort')} extra={editing ? t('categoryAdmin.sortHint') : t('categoryAdmin.sortHintNew')}>
          <InputNumber min={0} max={CATEGORY_LIMITS.sortMax} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
