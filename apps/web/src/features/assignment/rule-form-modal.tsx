import { AutoComplete, Divider, Flex, Form, Input, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import {
  ASSIGN_STRATEGIES,
  CHANNELS,
  LIMITS,
  REQUEST_TYPES,
  type AssignStrategy,
  type AssignmentRule,
  type Channel,
  type Group,
  type RequestType,
  type RuleConditions,
} from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';
import { useCreateRule, useUpdateRule } from './api';
import { useCategoryChoices } from './rule-labels';

interface Values {
  name: string;
  groupId?: string;
  strategy: AssignStrategy;
  skill?: string;
  active: boolean;
  types?: RequestType[];
  channels?: Channel[];
  categoryIds?: string[];
  orgUnitIds?: string[];
  tiers?: ('vip' | 'normal')[];
}

/** Only the conditions that say something: an empty list means "any" and is left out. */
function conditionsOf(v: Values): RuleConditions {
  const c: RuleConditions = {};
  if (v.types?.length) c.types = v.types;
  if (v.channels?.length) c.channels = v.channels;
  if (v.categoryIds?.length) c.categoryIds = v.categoryIds;
  if (v.orgUnitIds?.length) c.orgUnitIds = v.orgUnitIds;
  if (v.tiers?.length) c.tiers = v.tiers;
  return c;
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
  const categories = useCategoryChoices();
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
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
          {t('assignment.conditionsHint')}
          {t('assignment.subtreeHint')}
        </Typography.Paragraph>
        <Flex gap={16}>
          <Form.Item name="types" label={t('assignment.condTypes')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('assignment.any')}
              options={REQUEST_TYPES.map((x) => ({ value: x, label: t(`ticketType.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="channels" label={t('assignment.condChannels')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('assignment.any')}
              options={CHANNELS.map((x) => ({ value: x, label: t(`channel.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="tiers" label={t('assignment.condTiers')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('assignment.any')}
              options={[
                { value: 'vip', label: t('ticket.tierVip') },
                { value: 'normal', label: t('ticket.tierNormal') },
              ]}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="categoryIds" label={t('assignment.condCategories')} style={{ flex: 1, minWidth: 0 }}>
            <TreeSelect
              multiple
              allowClear
              showSearch
              treeNodeFilterProp="title"
              maxTagCount="responsive"
              placeholder={t('assignment.any')}
              treeData={categories.tree}
              listHeight={320}
            />
          </Form.Item>
          <Form.Item name="orgUnitIds" label={t('assignment.condOrgUnits')} style={{ flex: 1, minWidth: 0 }}>
            <OrgUnitTreeSelect multiple allowClear maxTagCount="responsive" placeholder={t('assignment.any')} />
          </Form.Item>
        </Flex>
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
