import { Flex, Form, Select, TreeSelect, Typography } from 'antd';
import { CHANNELS, PRIORITIES, REQUEST_TYPES, type SlaConditions } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useCategoryChoices } from './rule-labels';

/** The condition fields of a form, each a list where empty means "any". */
export type ConditionValues = { [K in keyof SlaConditions]?: SlaConditions[K] };
const CONDITION_KEYS = ['types', 'channels', 'categoryIds', 'orgUnitIds', 'tiers', 'priorities'] as const satisfies readonly (keyof SlaConditions)[];

/** Only the conditions that say something: an empty list means "any" and is left out. */
export function conditionsOf(v: ConditionValues): SlaConditions {
  return Object.fromEntries(CONDITION_KEYS.flatMap((k) => (v[k]?.length ? [[k, v[k]]] : []))) as SlaConditions;
}

/**
 * What a ticket must be for a rule or policy to apply: request types, channels, customer tiers,
 * categories and org units (each with everything below), and — for SLA policies, which match on
 * it — priorities. Field names are the conditions' own, at the top level of the form.
 */
export function ConditionFields({ priorities }: { priorities?: boolean }) {
  const { t } = useTranslation();
  const categories = useCategoryChoices();
  const common = { allowClear: true, maxTagCount: 'responsive' as const, placeholder: t('assignment.any') };
  const multi = { ...common, mode: 'multiple' as const };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('assignment.conditionsHint')}
        {t('assignment.subtreeHint')}
      </Typography.Paragraph>
      <Flex gap={16}>
        <Form.Item name="types" label={t('assignment.condTypes')} style={{ flex: 1, minWidth: 0 }}>
          <Select {...multi} options={REQUEST_TYPES.map((x) => ({ value: x, label: t(`ticketType.${x}`) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('assignment.condChannels')} style={{ flex: 1, minWidth: 0 }}>
          <Select {...multi} options={CHANNELS.map((x) => ({ value: x, label: t(`channel.${x}`) }))} />
        </Form.Item>
        <Form.Item name="tiers" label={t('assignment.condTiers')} style={{ flex: 1, minWidth: 0 }}>
          <Select
            {...multi}
            options={[
              { value: 'vip', label: t('ticket.tierVip') },
              { value: 'normal', label: t('ticket.tierNormal') },
            ]}
          />
        </Form.Item>
        {priorities && (
          <Form.Item name="priorities" label={t('assignment.condPriorities')} style={{ flex: 1, minWidth: 0 }}>
            <Select {...multi} options={PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) }))} />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={16}>
        <Form.Item name="categoryIds" label={t('assignment.condCategories')} style={{ flex: 1, minWidth: 0 }}>
          <TreeSelect
            {...common}
            multiple
            showSearch
            treeNodeFilterProp="title"
            treeData={categories.tree}
            listHeight={320}
          />
        </Form.Item>
        <Form.Item name="orgUnitIds" label={t('assignment.condOrgUnits')} style={{ flex: 1, minWidth: 0 }}>
          <OrgUnitTreeSelect {...common} multiple />
        </Form.Item>
      </Flex>
    </>
  );
}
