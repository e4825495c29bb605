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
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { IndicatorKey, type Indicator } from '@qloop/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiError } from '../../api/use-api-error';
import { zodRule } from '../../components/zod-rule';
import { useCreateIndicator, useUpdateIndicator } from './api';
import { useFormulaText } from './formula-text';
import { toIndicatorBody, toIndicatorValues, type IndicatorValues } from './indicator-values';
import { MeasureFilterFields } from './measure-filter-fields';
import { ThresholdFields } from './threshold-fields';

/** The server names formula fields body.formula.numerator…; the form keeps them at numerator… */
function onFormFields(e: unknown): unknown {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return e;
  const details = (e.details as { path?: unknown }[]).map((d) => ({
    ...d,
    path: String(d.path ?? '').replace(/^body\.formula\./, 'body.'),
  }));
  return new ApiError(e.status, e.code, e.message, details);
}

/**
 * Create (`ind` null) or edit a custom indicator: names, the formula built from its parts (kind,
 * measures narrowed by request type, channel and category; or external figures), unit, direction,
 * default target and thresholds. The formula reads back in words as it is built.
 */
export function IndicatorFormDrawer({
  open,
  ind,
  onClose,
}: {
  open: boolean;
  ind: Indicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const formulaText = useFormulaText();
  const [form] = Form.useForm<IndicatorValues>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const [conflict, setConflict] = useState(false);
  const initialValues = useMemo(() => toIndicatorValues(ind), [ind]);
  const values = Form.useWatch([], form) as IndicatorValues | undefined;
  const kind = values?.kind ?? initialValues.kind;
  const direction = values?.direction ?? initialValues.direction;
  const unit = values?.unit ?? initialValues.unit ?? '';

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, ind?.key, ind?.version, form]);

  const close = () => {
    setConflict(false);
    onClose();
  };
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT' && ind) {
      void message.warning(t('indicatorLib.conflictIndicator'));
      setConflict(true);
      return;
    }
    if (e instanceof ApiError && e.code === 'CONFLICT') {
      form.setFields([{ name: 'key', errors: [t('indicatorLib.keyTaken')] }]);
      return;
    }
    showError(onFormFields(e), form);
  };
  const submit = async () => {
    let v: IndicatorValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = toIndicatorBody({ ...initialValues, ...v });
    if (ind)
      update.mutate(
        { key: ind.key, version: ind.version ?? 1, ...body },
        { onSuccess: () => (void message.success(t('common.saved')), close()), onError },
      );
    else
      create.mutate(
        { key: v.key ?? '', ...body },
        { onSuccess: () => (void message.success(t('indicatorLib.created')), close()), onError },
      );
  };

  let preview = '';
  try {
    if (values) preview = formulaText({ formula: toIndicatorBody({ ...initialValues, ...values }).formula });
  } catch {
    preview = '';
  }
  const wasExternal = ind?.formula.kind === 'external';

  return (
    <Drawer
      open={open}
      onClose={close}
      size={820}
      title={ind ? `${t('indicatorLib.edit')} · ${ind.nameZh}` : t('indicatorLib.create')}
      destroyOnHidden
      data-testid="indicator-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={create.isPending || update.isPending}
            data-testid="indicator-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('indicatorLib.conflictIndicator')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="key"
              label={t('indicatorLib.key')}
              extra={t('indicatorLib.keyHelp')}
              rules={ind ? [] : [{ required: true }, zodRule(IndicatorKey, t('indicatorLib.keyHelp'))]}
            >
              <Input disabled={!!ind} placeholder="call_drop_rate" data-testid="indicator-key" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="nameZh"
              label={t('indicatorLib.nameZh')}
              rules={[{ required: true, whitespace: true }, { max: 100 }]}
            >
              <Input data-testid="indicator-name-zh" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="nameEn"
              label={t('indicatorLib.nameEn')}
              rules={[{ required: true, whitespace: true }, { max: 100 }]}
            >
              <Input data-testid="indicator-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('indicatorLib.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('indicatorLib.formula')}
        </Divider>
        <Form.Item
          name="kind"
          label={t('indicatorLib.kind')}
          extra={ind ? t('indicatorLib.kindLocked') : undefined}
        >
          <Radio.Group
            optionType="button"
            data-testid="indicator-kind"
            options={(['ratio', 'per_customers', 'count', 'external'] as const).map((k) => ({
              value: k,
              label: t(`indicatorLib.kind_${k}`),
              disabled: !!ind && (k === 'external') !== wasExternal,
            }))}
          />
        </Form.Item>
        {kind !== 'external' && (
          <>
            <Typography.Text strong>
              {kind === 'count' ? t('indicatorLib.measure') : t('indicatorLib.numerator')}
            </Typography.Text>
            <MeasureFilterFields name="numerator" />
          </>
        )}
        {kind === 'ratio' && (
          <>
            <Typography.Text strong>{t('indicatorLib.denominator')}</Typography.Text>
            <MeasureFilterFields name="denominator" />
          </>
        )}
        <Row gutter={12}>
          {kind === 'external' && (
            <Col span={8}>
              <Form.Item name="grain" label={t('indicatorLib.grain')}>
                <Select
                  options={(['month', 'day'] as const).map((g) => ({
                    value: g,
                    label: t(`indicatorLib.grain_${g}`),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
          {kind !== 'count' && (
            <Col span={8}>
              <Form.Item
                name="scale"
                label={t('indicatorLib.scale')}
                extra={t('indicatorLib.scaleHelp')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0.000001} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {preview && (
          <Alert
            type="info"
            title={preview}
            style={{ marginBottom: 16 }}
            data-testid="indicator-formula-preview"
          />
        )}
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="unit"
              label={t('indicatorLib.unitZh')}
              rules={[{ required: true, whitespace: true }, { max: 20 }]}
            >
              <Input placeholder="%" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="unitEn"
              label={t('indicatorLib.unitEn')}
              rules={[{ required: true, whitespace: true }, { max: 40 }]}
            >
              <Input placeholder="%" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="direction" label={t('indicatorLib.direction')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'higher_better', label: t('dashboard.higherBetter') },
                  { value: 'lower_better', label: t('dashboard.lowerBetter') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('indicatorLib.defaults')}
        </Divider>
        <ThresholdFields direction={direction} unit={unit} />
        <Form.Item
          name="active"
          label={t('indicatorLib.active')}
          valuePropName="checked"
          extra={t('indicatorLib.activeHelp')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
