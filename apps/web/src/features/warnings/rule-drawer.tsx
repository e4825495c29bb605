import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import {
  LIMITS,
  PlanDays,
  WARNING_LEVELS,
  WARNING_RULE_KINDS,
  WarningRuleSave,
  type WarningRule,
  type WarningRuleKind,
} from '@qloop/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDepartments } from '../../api/departments';
import { applyFieldIssues, useApiError } from '../../api/use-api-error';
import { useCreateWarningRule, useUpdateWarningRule } from '../../api/warnings';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { ResetFormOnOpen } from '../../components/reset-form-on-open';
import { zodRule } from '../../components/zod-rule';
import { RuleParamsFields } from './rule-params-fields';
import { defaultParams, toRuleBody, toRuleValues, type RuleValues } from './rule-values';
import { LEVEL_HEX } from './warning-tags';

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
 * Create (`rule` null), edit or — without warnings:manage — view a warning rule: name, kind and the
 * kind's parameters, plan days per level, the owning department, active. The body is checked with
 * the contract before it is sent; the server's own objections land on the same fields. A 409
 * (someone else saved first) reloads their version into the form and says so.
 */
export function RuleDrawer({
  open,
  rule,
  readOnly,
  onClose,
}: {
  open: boolean;
  rule: WarningRule | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<RuleValues>();
  const create = useCreateWarningRule();
  const update = useUpdateWarningRule();
  const { data: departments } = useDepartments(open);
  const unitNameOf = useOrgUnitNameOf();
  const [conflict, setConflict] = useState(false);
  const initialValues = useMemo(() => toRuleValues(rule), [rule]);
  const kind =
    (Form.useWatch(['params', 'kind'], form) as WarningRuleKind | undefined) ?? initialValues.params.kind;

  const close = () => {
    setConflict(false);
    onClose();
  };

  const save = async () => {
    try {
      await form.validateFields();
    } catch (e) {
      // the form shows what is missing; bring the first problem into view
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    // the whole store: the kind's parameters are registered fields, but the kind is what picks them
    const body = toRuleBody(form.getFieldsValue(true) as RuleValues);
    const checked = WarningRuleSave.safeParse(body);
    if (!checked.success) {
      const rest = applyFieldIssues(
        form,
        checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
      if (rest.length) void message.error(rest.map((i) => `${i.path} ${i.message}`).join('; '));
      return;
    }
    const onError = (e: unknown) => {
      if (e instanceof ApiError && e.code === 'CONFLICT' && rule) {
        void message.warning(t('warningRule.conflictTitle'));
        setConflict(true);
        return;
      }
      showError(e, form);
    };
    const done = () => {
      void message.success(rule ? t('common.saved') : t('warningRule.created'));
      close();
    };
    if (rule) update.mutate({ id: rule.id, version: rule.version, ...body }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  const title = readOnly ? t('warningRule.view') : rule ? t('warningRule.edit') : t('warningRule.create');
  return (
    <Drawer
      open={open}
      onClose={close}
      size={720}
      title={rule ? `${title} · ${en && rule.nameEn ? rule.nameEn : rule.name}` : title}
      destroyOnHidden
      data-testid="rule-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          {readOnly ? (
            <Button onClick={close}>{t('common.close')}</Button>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                loading={create.isPending || update.isPending}
                onClick={() => void save()}
                data-testid="rule-save"
              >
                {t('common.save')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {readOnly && (
        <Alert type="info" showIcon title={t('warningRule.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('warningRule.conflictTitle')}
          description={t('warningRule.conflict')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<RuleValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={readOnly}
        requiredMark={!readOnly}
        scrollToFirstError
      >
        {open && <ResetFormOnOpen form={form} openKey={`${rule?.id ?? 'new'}:${rule?.version ?? 0}`} />}
        <Section title={t('warningRule.basics')}>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name="name"
                label={t('warningRule.name')}
                rules={[{ required: true, whitespace: true }, { max: LIMITS.nameMax }]}
              >
                <Input
                  maxLength={LIMITS.nameMax}
                  placeholder={t('warningRule.namePlaceholder')}
                  data-testid="rule-name-input"
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="nameEn" label={t('warningRule.nameEn')} rules={[{ max: LIMITS.nameMax }]}>
                <Input maxLength={LIMITS.nameMax} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="active" label={t('common.status')} valuePropName="checked">
                <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['params', 'kind']}
            label={t('warningRule.kind')}
            extra={rule ? t('warningRule.kindFixed') : t(`warningRule.kindHint_${kind}`)}
            rules={[{ required: true }]}
          >
            <Select
              disabled={!!rule || readOnly}
              options={WARNING_RULE_KINDS.map((k) => ({ value: k, label: t(`warningKind.${k}`) }))}
              // a new kind starts from its own defaults: the other kinds' parameters mean nothing to it
              onChange={(k: WarningRuleKind) => form.setFieldValue('params', defaultParams(k))}
              data-testid="rule-kind"
            />
          </Form.Item>
          {rule && (
            <Alert type="info" title={t(`warningRule.kindHint_${kind}`)} style={{ marginBottom: 16 }} />
          )}
        </Section>
        <Section title={t('warningRule.conditions')}>
          <RuleParamsFields kind={kind} />
        </Section>
        <Section title={t('warningRule.handling')}>
          <Form.Item
            label={t('warningRule.planDays')}
            extra={t('warningRule.planDaysHint')}
            style={{ marginBottom: 8 }}
          >
            <Row gutter={16}>
              {WARNING_LEVELS.map((l) => (
                <Col span={8} key={l}>
                  <Form.Item
                    name={['planDays', l]}
                    rules={[
                      { required: true, message: t('warningRule.required') },
                      zodRule(
                        PlanDays.shape[l],
                        t('warningRule.range', {
                          min: PlanDays.shape[l].minValue,
                          max: PlanDays.shape[l].maxValue,
                        }),
                      ),
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber
                      min={PlanDays.shape[l].minValue ?? undefined}
                      max={PlanDays.shape[l].maxValue ?? undefined}
                      precision={0}
                      prefix={<span style={{ color: LEVEL_HEX[l] }}>●</span>}
                      suffix={t('warningRule.daysOf', { level: t(`warningLevel.${l}`) })}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
          <Form.Item
            name="ownerDepartmentId"
            label={t('warningRule.owner')}
            extra={t('warningRule.ownerHint')}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('warningRule.ownerUnit')}
              options={(departments ?? [])
                .filter((d) => d.active || d.id === rule?.ownerDepartmentId)
                .map((d) => ({
                  value: d.id,
                  label: `${en && d.nameEn ? d.nameEn : d.name} · ${unitNameOf(d.orgUnitId) ?? ''}`,
                }))}
            />
          </Form.Item>
        </Section>
      </Form>
    </Drawer>
  );
}
