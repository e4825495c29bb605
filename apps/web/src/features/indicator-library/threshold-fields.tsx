import { Col, Form, InputNumber, Row, Typography } from 'antd';
import { thresholdOrderIssues, type IndicatorDirection } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

/** A number field that may be left empty (null). */
const Num = (props: { placeholder?: string; disabled?: boolean; addonAfter?: string }) => (
  <InputNumber style={{ width: '100%' }} controls={false} {...props} />
);

/**
 * Target and yellow / orange / red inputs under `prefix` ([] or a list path), with the order rule of
 * the direction checked as one types (the server checks it again and names the field).
 */
export function ThresholdFields({
  direction,
  unit,
  disabled,
}: {
  direction: IndicatorDirection;
  unit: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const orderRule =
    (level: 'yellow' | 'orange' | 'red') =>
    ({ getFieldValue }: { getFieldValue: (n: (string | number)[]) => unknown }) => ({
      validator: async () => {
        const v = (l: string) => (getFieldValue(['thresholds', l]) as number | null | undefined) ?? null;
        const issues = thresholdOrderIssues(direction, {
          yellow: v('yellow'),
          orange: v('orange'),
          red: v('red'),
        });
        if (issues.some((i) => i.path === level)) throw new Error(t(`indicatorLib.order_${direction}`));
      },
    });
  const addon = unit === '%' ? '%' : undefined;
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="target" label={t('indicatorLib.target')}>
            <Num disabled={disabled} addonAfter={addon} />
          </Form.Item>
        </Col>
        {(['yellow', 'orange', 'red'] as const).map((level) => (
          <Col span={6} key={level}>
            <Form.Item
              name={['thresholds', level]}
              label={t(`indicatorLib.${level}`)}
              dependencies={[
                ['thresholds', 'yellow'],
                ['thresholds', 'orange'],
                ['thresholds', 'red'],
              ]}
              rules={[orderRule(level)]}
            >
              <Num disabled={disabled} addonAfter={addon} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8, fontSize: 12 }}>
        {t(`indicatorLib.hint_${direction}`)}
      </Typography.Paragraph>
    </>
  );
}

/** Form values → the API's target and thresholds (an emptied field is null, never undefined). */
export function toSettingsBody(v: {
  target?: number | null;
  thresholds?: { yellow?: number | null; orange?: number | null; red?: number | null };
}) {
  const n = (x: number | null | undefined) => (x === undefined || x === null ? null : x);
  return {
    target: n(v.target),
    thresholds: {
      yellow: n(v.thresholds?.yellow),
      orange: n(v.thresholds?.orange),
      red: n(v.thresholds?.red),
    },
  };
}
