import { Button, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Code, LIMITS, type Group } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';
import { zodRule } from '../../components/zod-rule';
import { AssigneeSelect } from '../tickets/assignee-select';
import { useCreateGroup, useUpdateGroup } from './api';

interface MemberValue {
  userId?: string;
  /** kept beside the id so the group-lead picker can name members added in this dialog */
  displayName?: string;
  skills?: string[];
}
interface Values {
  code: string;
  name: string;
  orgUnitId?: string;
  departmentId?: string | null;
  active?: boolean;
  members?: MemberValue[];
  leadUserId?: string | null;
}

/**
 * Create (`group` null) or edit a handling group. The org unit and department are fixed once the
 * group exists (the API changes only name, status and members); members are replaced as a whole.
 */
export function GroupFormModal({
  open,
  group,
  skillOptions,
  onClose,
}: {
  open: boolean;
  group: Group | null;
  /** skills already used in any group, offered as suggestions */
  skillOptions: string[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const saveAndClose = useSaveAndClose(form, onClose);
  const { orgUnitId: scopeUnitId } = useOrgUnitScope();
  const { data: departments } = useDepartments();
  const en = i18n.language === 'en-US';
  const chosenUnit = Form.useWatch('orgUnitId', form);
  // the lead is picked among the members as they stand in the dialog, names included
  const chosenMembers = (Form.useWatch('members', { form, preserve: true }) ?? []).filter((m): m is MemberValue & { userId: string } => !!m?.userId);

  const submit = (v: Values) => {
    const members = (v.members ?? []).filter((m) => m.userId).map((m) => ({ userId: m.userId!, skills: m.skills ?? [] }));
    const leadUserId = v.leadUserId ?? null;
    if (group) {
      update.mutate({ id: group.id, name: v.name, active: v.active, leadUserId, members }, saveAndClose(t('common.saved')));
    } else {
      create.mutate(
        { code: v.code, name: v.name, orgUnitId: v.orgUnitId!, departmentId: v.departmentId ?? null, leadUserId, members },
        saveAndClose(t('assignment.groupCreated')),
      );
    }
  };

  const unitOfForm = group?.orgUnitId ?? chosenUnit;
  const departmentOptions = (departments ?? [])
    .filter((d) => d.active || d.id === group?.departmentId)
    .map((d) => ({
      value: d.id,
      label: en && d.nameEn ? d.nameEn : d.name,
      // departments of the chosen unit first; others stay selectable (a head-office department may own a branch queue)
      order: d.orgUnitId === unitOfForm ? 0 : 1,
    }))
    .sort((a, b) => a.order - b.order);
  const initialMembers = new Map((group?.members ?? []).map((m) => [m.userId, m]));

  return (
    <FormModal
      form={form}
      open={open}
      width={640}
      title={group ? t('assignment.editGroup') : t('assignment.createGroup')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          group
            ? {
                code: group.code,
                name: group.name,
                orgUnitId: group.orgUnitId,
                departmentId: group.departmentId,
                active: group.active,
                leadUserId: group.leadUserId,
                members: group.members.map((m) => ({ userId: m.userId, displayName: m.displayName, skills: m.skills })),
              }
            : { orgUnitId: scopeUnitId, members: [] }
        }
      >
        <Flex gap={16}>
          <Form.Item
            name="code"
            label={t('assignment.groupCode')}
            style={{ width: 200 }}
            rules={group ? [] : [{ required: true }, zodRule(Code, t('validation.code', { max: LIMITS.codeMax }))]}
          >
            <Input maxLength={LIMITS.codeMax} disabled={!!group} />
          </Form.Item>
          <Form.Item name="name" label={t('assignment.groupName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="orgUnitId" label={t('assignment.orgUnit')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <OrgUnitTreeSelect disabled={!!group} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('assignment.department')} style={{ flex: 1 }}>
            <Select
              allowClear
              disabled={!!group}
              placeholder={t('common.optional')}
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions.map(({ value, label }) => ({ value, label }))}
            />
          </Form.Item>
        </Flex>
        {group && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
            {t('assignment.fixedAfterCreate')}
          </Typography.Paragraph>
        )}
        {group && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
        <Typography.Text strong>{t('assignment.members')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('assignment.membersHint')}
        </Typography.Paragraph>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const userId = form.getFieldValue(['members', field.name, 'userId']) as string | undefined;
                const known = userId ? initialMembers.get(userId) : undefined;
                return (
                  <Flex key={field.key} gap={8} align="flex-start" data-testid="group-member-row">
                    <Form.Item
                      name={[field.name, 'userId']}
                      style={{ width: 220, marginBottom: 8 }}
                      rules={[
                        { required: true, message: t('assignment.memberRequired') },
                        {
                          validator: async (_r, value: string | undefined) => {
                            const all = ((form.getFieldValue('members') as MemberValue[] | undefined) ?? []).filter((m) => m?.userId === value);
                            if (value && all.length > 1) throw new Error(t('assignment.memberTwice'));
                          },
                        },
                      ]}
                    >
                      <AssigneeSelect
                        placeholder={t('assignment.memberPlaceholder')}
                        initialOption={known ? { id: known.userId, displayName: known.displayName } : undefined}
                        onChange={(_id, option) => {
                          const picked = Array.isArray(option) ? option[0] : option;
                          form.setFieldValue(['members', field.name, 'displayName'], picked?.title);
                        }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'skills']} style={{ flex: 1, marginBottom: 8 }}>
                      <Select
                        mode="tags"
                        placeholder={t('assignment.skillsPlaceholder')}
                        tokenSeparators={[',', '，', ' ']}
                        maxCount={20}
                        options={skillOptions.map((s) => ({ value: s, label: s }))}
                      />
                    </Form.Item>
                    <Button type="text" aria-label={t('common.delete')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Flex>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ skills: [] })} data-testid="group-add-member">
                {t('assignment.addMember')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="leadUserId"
          label={t('assignment.lead')}
          extra={t('assignment.leadHint')}
          style={{ marginTop: 16, marginBottom: 0 }}
          dependencies={['members']}
          rules={[
            {
              validator: async (_r, value: string | null | undefined) => {
                if (value && !chosenMembers.some((m) => m.userId === value)) throw new Error(t('assignment.leadNotMember'));
              },
            },
          ]}
        >
          <AssigneeSelect
            allowClear
            placeholder={t('assignment.leadPlaceholder')}
            members={chosenMembers.map((m) => ({ id: m.userId, displayName: m.displayName ?? m.userId.slice(0, 8) }))}
            style={{ width: 220 }}
            data-testid="group-lead"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
