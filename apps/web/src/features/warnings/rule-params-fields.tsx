import { Alert, Checkbox, Col, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import {
  BatchParams,
  GroupComplaintParams,
  HotTopicParams,
  REQUEST_TYPES,
  RiseParams,
  ThresholdParams,
  WARNING_LEVELS,
  WatchedOrgKind,
  type Indicator,
  type WarningRuleKind,
} from '@qloop/contracts';
import { z } from 'zod';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/indicators';
import { zodRule } from '../../components/zod-rule';
import { LEVEL_HEX } from './warning-tags';

/** A number schema's bounds as the contract states them (nullable ones unwrapped). */
function bounds(schema: z.ZodType): { min?: number; max?: number } {
  const s = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
  if (!(s instanceof z.ZodNumber)) return {};
  return { min: s.minValue ?? undefined, max: s.maxValue ?? undefined };
}

/** One number of the parameters, limited and checked by the contract's own schema. */
function NumberField({
  name,
  schema,
  label,
  extra,
  optional = false,
  step,
  precision = 0,
  suffix,
  span = 8,
}: {
  name: string;
  schema: z.ZodType;
  label: string;
  extra?: ReactNode;
  optional?: boolean;
  step?: number;
  precision?: number;
  suffix?: string;
  span?: number;
}) {
  const { t } = useTranslation();
  const { min, max } = bounds(schema);
  return (
    <Col span={span}>
      <Form.Item
        name={['params', name]}
        label={label}
        extra={extra}
        rules={[
          ...(optional ? [] : [{ required: true, message: t('warningRule.required') }]),
          zodRule(schema, t('warningRule.range', { min: min ?? '—', max: max ?? '—' })),
        ]}
      >
        <InputNumber
          min={min}
          max={max}
          step={step}
          precision={precision}
          suffix={suffix}
          style={{ width: '100%' }}
          data-testid={`rule-param-${name}`}
        />
      </Form.Item>
    </Col>
  );
}

function OrgKindsField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={['params', 'orgKinds']}
      label={t('warningRule.orgKinds')}
      extra={t('warningRule.orgKindsHint')}
      rules={[{ required: true, type: 'array', min: 1, message: t('warningRule.required') }]}
    >
      <Checkbox.Group options={WatchedOrgKind.options.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
    </Form.Item>
  );
}

function TypesField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={['params', 'types']}
      label={t('warningRule.types')}
      rules={[{ required: true, type: 'array', min: 1, message: t('warningRule.required') }]}
    >
      <Select
        mode="multiple"
        options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`ticketType.${v}`) }))}
      />
    </Form.Item>
  );
}

function LevelField() {
  const { t } = useTranslation();
  return (
    <Form.Item name={['params', 'level']} label={t('warningRule.level')} rules={[{ required: true }]}>
      <Radio.Group>
        {WARNING_LEVELS.map((l) => (
          <Radio.Button key={l} value={l}>
            <span style={{ color: LEVEL_HEX[l] }}>●</span> {t(`warningLevel.${l}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

/** The indicator picker: the library's indicators in the reader's language with their unit; `filter` narrows it per kind. */
function IndicatorField({
  filter,
  label,
  extra,
}: {
  filter: (i: Indicator) => boolean;
  label: string;
  extra?: (i: Indicator | undefined) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { data: indicators, isLoading } = useIndicators();
  const key = Form.useWatch(['params', 'indicatorKey']) as string | undefined;
  const zh = i18n.language.startsWith('zh');
  const chosen = indicators?.find((i) => i.key === key);
  return (
    <Form.Item
      name={['params', 'indicatorKey']}
      label={label}
      extra={extra?.(chosen)}
      rules={[{ required: true, message: t('warningRule.indicatorRequired') }]}
    >
      <Select
        showSearch
        loading={isLoading}
        optionFilterProp="label"
        placeholder={t('warningRule.indicatorPlaceholder')}
        // retired indicators are not offered, except the one the rule already names
        options={(indicators ?? [])
          .filter((i) => filter(i) && (i.active || i.key === key))
          .map((i) => ({
            value: i.key,
            label: t('warning.withNote', { value: zh ? i.nameZh : i.nameEn, note: zh ? i.unit : i.unitEn }),
          }))}
        data-testid="rule-indicator"
      />
    </Form.Item>
  );
}

/** The indicator's own yellow/orange/red boundaries, which a threshold rule applies. */
function ThresholdsText({ ind }: { ind: Indicator | undefined }) {
  const { t, i18n } = useTranslation();
  if (!ind) return t('warningRule.thresholdHint');
  const unit = i18n.language.startsWith('zh') ? ind.unit : ind.unitEn;
  const sign = ind.direction === 'lower_better' ? '≥' : '≤';
  const parts = WARNING_LEVELS.flatMap((l) =>
    ind.thresholds[l] === null
      ? []
      : [`${t(`warningLevel.${l}`)} ${sign} ${ind.thresholds[l]}${unit === '%' ? '%' : ` ${unit}`}`],
  );
  return parts.length ? (
    t('warningRule.thresholdsAre', { list: parts.join(t('warning.listSep')) })
  ) : (
    <Typography.Text type="warning">{t('warningRule.noThresholds')}</Typography.Text>
  );
}

/**
 * The parameters of one kind of rule, as the contract defines them: threshold (indicator, window,
 * minimum sample, levels of the org tree), rise (a count's week-on-week rise per level, its test),
 * batch (customers of one category in a window), hot topic (words against a baseline), group complaint.
 */
export function RuleParamsFields({ kind }: { kind: WarningRuleKind }) {
  const { t } = useTranslation();
  const days = t('warningRule.days');
  switch (kind) {
    case 'threshold':
      return (
        <>
          <IndicatorField
            filter={(i) => i.formula.kind !== 'survey'}
            label={t('warningRule.indicator')}
            extra={(i) => <ThresholdsText ind={i} />}
          />
          <Row gutter={16}>
            <NumberField
              name="windowDays"
              schema={ThresholdParams.shape.windowDays}
              label={t('warningRule.windowDays')}
              suffix={days}
            />
            <NumberField
              name="minDenominator"
              schema={ThresholdParams.shape.minDenominator}
              label={t('warningRule.minDenominator')}
              extra={t('warningRule.minDenominatorHint')}
            />
          </Row>
          <OrgKindsField />
        </>
      );
    case 'rise':
      return (
        <>
          <IndicatorField
            filter={(i) =>
              i.formula.kind === 'count' || i.formula.kind === 'ratio' || i.formula.kind === 'per_customers'
            }
            label={t('warningRule.riseIndicator')}
            extra={() => t('warningRule.riseIndicatorHint')}
          />
          <Row gutter={16}>
            <NumberField
              name="windowDays"
              schema={RiseParams.shape.windowDays}
              label={t('warningRule.riseWindowDays')}
              suffix={days}
              extra={t('warningRule.riseWindowHint')}
            />
            <NumberField
              name="minCount"
              schema={RiseParams.shape.minCount}
              label={t('warningRule.minCount')}
              extra={t('warningRule.minCountHint')}
            />
            <NumberField
              name="alpha"
              schema={RiseParams.shape.alpha}
              label={t('warningRule.alpha')}
              step={0.01}
              precision={3}
              extra={t('warningRule.alphaHint')}
            />
          </Row>
          <Row gutter={16}>
            <NumberField
              name="yellowPct"
              schema={RiseParams.shape.yellowPct}
              label={t('warningRule.pct_yellow')}
              suffix="%"
            />
            <NumberField
              name="orangePct"
              schema={RiseParams.shape.orangePct}
              label={t('warningRule.pct_orange')}
              suffix="%"
              optional
              extra={t('warningRule.pctOptionalHint')}
            />
            <NumberField
              name="redPct"
              schema={RiseParams.shape.redPct}
              label={t('warningRule.pct_red')}
              suffix="%"
              optional
              extra={t('warningRule.pctOptionalHint')}
            />
          </Row>
          <OrgKindsField />
        </>
      );
    case 'batch':
      return (
        <>
          <TypesField />
          <Row gutter={16}>
            <NumberField
              name="minCustomers"
              schema={BatchParams.shape.minCustomers}
              label={t('warningRule.minCustomers')}
            />
            <NumberField
              name="windowMinutes"
              schema={BatchParams.shape.windowMinutes}
              label={t('warningRule.windowMinutes')}
              suffix={t('warningRule.minutes')}
            />
            <NumberField
              name="lookbackHours"
              schema={BatchParams.shape.lookbackHours}
              label={t('warningRule.lookbackHours')}
              suffix={t('warningRule.hours')}
              extra={t('warningRule.lookbackHint')}
            />
          </Row>
          <LevelField />
        </>
      );
    case 'hot_topic':
      return (
        <>
          <TypesField />
          <Row gutter={16}>
            <NumberField
              name="windowDays"
              schema={HotTopicParams.shape.windowDays}
              label={t('warningRule.windowDays')}
              suffix={days}
            />
            <NumberField
              name="baselineDays"
              schema={HotTopicParams.shape.baselineDays}
              label={t('warningRule.baselineDays')}
              suffix={days}
            />
            <NumberField
              name="topN"
              schema={HotTopicParams.shape.topN}
              label={t('warningRule.topN')}
              extra={t('warningRule.topNHint')}
            />
          </Row>
          <Row gutter={16}>
            <NumberField
              name="minDocs"
              schema={HotTopicParams.shape.minDocs}
              label={t('warningRule.minDocs')}
              extra={t('warningRule.minDocsHint')}
            />
            <NumberField
              name="minLift"
              schema={HotTopicParams.shape.minLift}
              label={t('warningRule.minLift')}
              step={0.5}
              precision={1}
              extra={t('warningRule.minLiftHint')}
            />
          </Row>
          <OrgKindsField />
          <LevelField />
        </>
      );
    case 'group_complaint':
      return (
        <>
          <Alert
            type="info"
            showIcon
            title={t('warningRule.groupComplaintInfo')}
            style={{ marginBottom: 16 }}
          />
          <Row gutter={16}>
            <NumberField
              name="lookbackHours"
              schema={GroupComplaintParams.shape.lookbackHours}
              label={t('warningRule.lookbackHours')}
              suffix={t('warningRule.hours')}
              extra={t('warningRule.lookbackHint')}
              span={12}
            />
          </Row>
        </>
      );
  }
}
