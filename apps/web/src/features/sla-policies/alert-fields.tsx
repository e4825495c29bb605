import { Button, Flex, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ESCALATION_RECIPIENTS, SLA_LIMITS, SlaAlerts, type Calendar } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { DurationInput } from '../../components/duration-input';
import { zodRule } from '../../components/zod-rule';

/** The contract's limits on the lists, read from its schema rather than restated. */
const WarnAt = SlaAlerts.shape.warnAtPercent;
const Escalations = SlaAlerts.shape.escalations;
const MAX_LEVELS = 5;

/** The levels' own order rule (the schema's refinement of the whole list); each field checks itself. */
async function checkOrder(levels: unknown, message: string) {
  const r = Escalations.safeParse(levels);
  if (!r.success && r.error.issues.some((i) => i.path.length === 0)) throw new Error(message);
}

/** Typed percentages as sorted whole numbers without repeats ("90", "50" → [50, 90]). */
const normalizePercents = (v: (string | number)[] | undefined) =>
  [...new Set((v ?? []).map((x) => Number(String(x).replace(/[%％\s]/g, ''))))].sort((a, b) => a - b);

/**
 * Pre-breach warnings (percent of the target used), escalation levels after the breach (business
 * time after it → whom to notify), and the calendar whose working hours notifications wait for.
 */
export function AlertFields({ calendars, disabled }: { calendars: Calendar[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item
        name={['alerts', 'warnAtPercent']}
        label={t('sla.warnAt')}
        extra={t('sla.warnAtHint')}
        normalize={normalizePercents}
        rules={[zodRule(WarnAt, t('sla.warnAtInvalid'))]}
      >
        <Select
          mode="tags"
          options={[50, 75, 80, 90, 95].map((x) => ({ value: x, label: `${x}%` }))}
          tokenSeparators={[',', '，', ' ', '、']}
          placeholder={t('sla.warnAtPlaceholder')}
          labelRender={({ value }) => `${String(value)}%`}
          data-testid="warn-at"
        />
      </Form.Item>
      <Form.Item label={t('sla.escalations')} extra={t('sla.escalationsHint')} style={{ marginBottom: 16 }}>
        <Form.List name={['alerts', 'escalations']} rules={[{ validator: async (_r, v: unknown) => checkOrder(v, t('sla.escalationOrder')) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="escalation-row" className="qloop-escalation-row">
                  <Typography.Text strong style={{ lineHeight: '32px', width: 52 }}>
                    {t('sla.escalationLevel', { n: i + 1 })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                    {t('sla.escalationAfter')}
                  </Typography.Text>
                  <Form.Item name={[field.name, 'afterMinutes']} style={{ marginBottom: 8 }} rules={[{ required: true }]}>
                    <DurationInput max={SLA_LIMITS.targetMinutesMax} disabled={disabled} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                    {t('sla.escalationNotify')}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'notify']}
                    style={{ flex: 1, minWidth: 200, marginBottom: 8 }}
                    rules={[{ required: true, type: 'array', min: 1, message: t('sla.escalationNotifyRequired') }]}
                  >
                    <Select
                      mode="multiple"
                      maxTagCount="responsive"
                      options={ESCALATION_RECIPIENTS.map((r) => ({ value: r, label: t(`sla.recipient_${r}`) }))}
                      disabled={disabled}
                    />
                  </Form.Item>
                  {!disabled && (
                    <Button type="text" aria-label={t('common.delete')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  )}
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              {!disabled && fields.length < MAX_LEVELS && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    // a starting point people adjust: at the breach, or a day after the last level
                    const levels = (form.getFieldValue(['alerts', 'escalations']) as { afterMinutes?: number }[] | undefined) ?? [];
                    const last = levels.at(-1)?.afterMinutes;
                    add({ afterMinutes: last === undefined ? 0 : last + 1440, notify: [] });
                  }}
                  data-testid="escalation-add"
                >
                  {t('sla.addEscalation')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name={['alerts', 'holdToCalendarKey']} label={t('sla.holdTo')} extra={t('sla.holdToHint')}>
        <Select allowClear placeholder={t('sla.holdToPlaceholder')} options={calendars.map((c) => ({ value: c.key, label: c.name }))} />
      </Form.Item>
    </>
  );
}
