import { Divider, Flex, Form, Input, Select, Switch, type FormInstance } from 'antd';
import { LIMITS, SLA_LIMITS, type Calendar } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionFields } from '../assignment/condition-fields';
import { AlertFields } from './alert-fields';
import type { PolicyValues } from './policy-values';
import { TargetFields } from './target-fields';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

/**
 * Every field of a policy: name and calendar, the conditions (the assignment rules' pickers plus
 * priorities), the four targets, warnings and escalation, and the standard it implements. With
 * `readOnly` the same form only shows them.
 */
export function PolicyForm({
  form,
  initialValues,
  calendars,
  readOnly,
}: {
  form: FormInstance<PolicyValues>;
  initialValues: PolicyValues;
  calendars: Calendar[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} disabled={readOnly} requiredMark={!readOnly} scrollToFirstError>
      <Section title={t('sla.basics')}>
        <Flex gap={16}>
          <Form.Item name="name" label={t('sla.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={LIMITS.nameMax} placeholder={t('sla.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Flex>
        <Form.Item name="calendarKey" label={t('sla.calendar')} extra={t('sla.calendarHint')} rules={[{ required: true, message: t('sla.calendarRequired') }]}>
          <Select options={calendars.map((c) => ({ value: c.key, label: c.name }))} data-testid="policy-calendar" />
        </Form.Item>
      </Section>
      <Section title={t('assignment.conditions')}>
        <ConditionFields priorities />
      </Section>
      <Section title={t('sla.targets')}>
        <TargetFields disabled={readOnly} />
      </Section>
      <Section title={t('sla.alerts')}>
        <AlertFields calendars={calendars} disabled={readOnly} />
      </Section>
      <Section title={t('sla.sourceStandard')}>
        <Form.Item name="sourceStandard">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={SLA_LIMITS.sourceStandardMax} showCount placeholder={t('sla.sourceStandardPlaceholder')} />
        </Form.Item>
      </Section>
    </Form>
  );
}
