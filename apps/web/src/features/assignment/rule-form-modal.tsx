import { AutoComplete, Divider, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { ASSIGN_STRATEGIES, LIMITS, type AssignStrategy, type AssignmentRule, type Group } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useSaveAndClose } from '../../components/use-save-and-close';
import { useCreateRule, useUpdateRule } from './api';
import { ConditionFields, conditionsOf, type ConditionValues } from './condition-fields';

interface Values extends Omit<ConditionValues, 'priorities'> {
  name: string;
  groupId?: string;
  strategy: AssignStrategy;
  skill?: string;
  active: boolean;
}

/** Create (`rule` null, added at the end of the order) or edit an assignment rule. */
export function RuleFormModal({
  open,
  rule,
  groups,
  onClose,
}: {
  open: boolean;
  rule: AssignmentRule | null;
  groups: Group[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateRule();
  const update = useUpdateRule();
  const saveAndClose = useSaveAndClose(form, onClose);
  const strategy = Form.useWatch('strategy', form);
  const groupId = Form.useWatch('groupId', form);
  const groupSkills = [...new Set(groups.find((g) => g.id === groupId)?.members.flatMap((m) => m.skills) ?? [])];

  const submit = (v: Values) => {
    const body = {
      name: v.name,
      groupId: v.groupId!,
      strategy: v.strategy,
      skill: v.strategy === 'skill' ? v.skill?.trim() || null : null,
      active: v.active,
      conditions: conditionsOf(v),
    };
    if (rule) update.mutate({ id: rule.id, ...body }, saveAndClose(t('common.saved')));
    else create.mutate(body, saveAndClose(t('assignment.ruleCreated')));
  };

  const initialValues: Partial<Values> = rule
    ? {
        name: rule.name,
        groupId: rule.groupId,
        strategy: rule.strategy,
        skill: rule.skill ?? undefined,
        active: rule.active,
        ...rule.conditions,
      }
    : { strategy: 'round_robin', active: true };

  return (
    <FormModal
      form={form}
      open={open}
      width={680}
      title={rule ? t('assignment.editRule') : t('assignment.createRule')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Flex gap={16}>
          <Form.Item name="name" label={t('assignment.ruleName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={LIMITS.nameMax} placeholder={t('assignment.ruleNamePlaceholder')} />
          </Form.Item>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain style={{ margin: '0 0 12px' }}>
          {t('assignment.conditions')}
        </Divider>
        <ConditionFields />
        <Divider titlePlacement="start" plain style={{ margin: '0 0 12px' }}>
          {t('assignment.routeTo')}
        </Divider>
        <Form.Item name="groupId" label={t('assignment.group')} style={{ marginBottom: 16 }} rules={[{ required: true, message: t('assignment.groupRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('assignment.groupPlaceholder')}
            options={groups.map((g) => ({
              value: g.id,
              label: g.active ? `${g.name} · ${g.code}` : `${g.name} · ${g.code} · ${t('common.inactive')}`,
            }))}
            data-testid="rule-group"
          />
        </Form.Item>
        <Flex gap={16} align="flex-start">
          <Form.Item
            name="strategy"
            label={t('assignment.strategy')}
            style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
            extra={strategy ? t(`assignStrategy.${strategy}Hint`) : undefined}
            rules={[{ required: true }]}
          >
            <Radio.Group
              optionType="button"
              options={ASSIGN_STRATEGIES.map((s) => ({
                value: s,
                label: <span data-testid={`rule-strategy-${s}`}>{t(`assignStrategy.${s}`)}</span>,
              }))}
            />
          </Form.Item>
          {strategy === 'skill' && (
          <Form.Item name="skill" label={t('assignment.skill')} style={{ width: 200, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('assignment.skillRequired') }]}>
            <AutoComplete
              maxLength={40}
              placeholder={t('assignment.skillPlaceholder')}
              options={groupSkills.map((s) => ({ value: s }))}
              showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
            />
          </Form.Item>
          )}
        </Flex>
      </Form>
    </FormModal>
  );
}
