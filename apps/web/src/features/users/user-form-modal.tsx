import { App, Col, Form, Input, Row, Select, Switch } from 'antd';
import { LIMITS, Phone, ROLE_GRANTS, Username, type Role, type User } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDepartments } from '../../api/departments';
import { useMe } from '../../api/session';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useNewPasswordRules } from '../../components/password-fields';
import { useSaveAndClose } from '../../components/use-save-and-close';
import { zodRule } from '../../components/zod-rule';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgUnitId: string;
  departmentIds: string[];
  email?: string;
  phone?: string;
  active?: boolean;
}

/** Create (`user` null) or edit a user. Roles offered are only those ROLE_GRANTS lets me give. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const saveAndClose = useSaveAndClose(form, onClose);
  const { message } = App.useApp();
  const { data: departments } = useDepartments();
  const { orgUnitId } = useOrgUnitScope();
  const unitNameOf = useOrgUnitNameOf();
  const newPasswordRules = useNewPasswordRules();
  const en = i18n.language === 'en-US';

  const grantable = ROLE_GRANTS[me.role];
  // an existing user's role stays visible even when I could not grant it myself
  const roleOptions = [...new Set<Role>([...grantable, ...(user ? [user.role] : [])])].map((r) => ({
    value: r,
    label: t(`role.${r}`),
    disabled: !grantable.includes(r),
  }));
  const deptOptions = (departments ?? [])
    .filter((d) => d.active || user?.departmentIds.includes(d.id))
    .map((d) => {
      const unit = unitNameOf(d.orgUnitId);
      const name = en && d.nameEn ? d.nameEn : d.name;
      return { value: d.id, label: unit ? (en ? `${name} (${unit})` : `${name}（${unit}）`) : name };
    });
  // masked phones (138****1234) are shown but never sent back as if they were a new number
  const phoneMasked = !!user?.phone?.includes('*');

  const submit = (v: Values) => {
    const email = v.email?.trim() ? v.email.trim() : null;
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    if (!user) {
      create.mutate(
        {
          username: v.username,
          displayName: v.displayName,
          password: v.password,
          role: v.role,
          orgUnitId: v.orgUnitId,
          departmentIds: v.departmentIds ?? [],
          email,
          phone,
        },
        saveAndClose(t('users.created')),
      );
      return;
    }
    const saved = saveAndClose(t('common.saved'));
    update.mutate(
      {
        id: user.id,
        version: user.version,
        displayName: v.displayName,
        role: v.role === user.role ? undefined : v.role,
        orgUnitId: v.orgUnitId === user.orgUnitId ? undefined : v.orgUnitId,
        departmentIds: v.departmentIds,
        email,
        phone: phoneMasked && v.phone === user.phone ? undefined : phone,
        active: v.active,
      },
      {
        ...saved,
        // someone else saved first: the list reloads with their version, so start again from it
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            void message.warning(t('users.versionConflict'));
            onClose();
            return;
          }
          saved.onError(e);
        },
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={open}
      width={640}
      title={user ? t('users.edit') : t('users.create')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                orgUnitId: user.orgUnitId,
                departmentIds: user.departmentIds,
                email: user.email ?? '',
                phone: user.phone ?? '',
                active: user.active,
              }
            : { role: grantable.includes('agent') ? 'agent' : grantable[0], orgUnitId, departmentIds: [] }
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={user ? [] : [{ required: true }, zodRule(Username, t('validation.username'))]}
            >
              <Input disabled={!!user} autoComplete="off" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={LIMITS.nameMax} />
            </Form.Item>
          </Col>
          {!user && (
            <Col span={24}>
              <Form.Item name="password" label={t('users.initialPassword')} {...newPasswordRules}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
              <Select options={roleOptions} notFoundContent={t('users.noGrantableRoles')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgUnitId" label={t('users.orgUnit')} rules={[{ required: true }]}>
              <OrgUnitTreeSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="departmentIds" label={t('users.departments')}>
              <Select mode="multiple" allowClear options={deptOptions} optionFilterProp="label" maxCount={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('users.email')}
              rules={[{ type: 'email', message: t('validation.email') }]}
            >
              <Input placeholder={t('common.optional')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('users.phone')}
              rules={phoneMasked ? [] : [zodRule(Phone, t('validation.phone'))]}
            >
              <Input placeholder={t('common.optional')} maxLength={11} />
            </Form.Item>
          </Col>
          {user && (
            <Col span={12}>
              <Form.Item name="active" label={t('common.status')} valuePropName="checked">
                <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </FormModal>
  );
}
