import { Button, Flex, Form, Input, Tooltip, Typography } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { CalendarDefinition } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../components/zod-rule';
import { ISO_WEEKDAYS, useCalendarLabels } from './calendar-labels';

/** The contract's HH:MM (00:00–24:00), taken from the schema so the web never restates it. */
const WallTime = CalendarDefinition.shape.week.unwrap().valueType.element.shape.start;

/**
 * One row per weekday with its working ranges (several a day), each an HH:MM start and end. A
 * Form.List per day, named ['week', '1'] …, so the server's 'week.1[0].end' lands on its input and
 * a problem with a day's ranges as a whole ('week.1[0]': overlap, end before start) under the row.
 */
export function WeekHoursFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { weekday } = useCalendarLabels();
  const form = Form.useFormInstance();
  const timeRules = [{ required: true, message: t('calendars.timeInvalid') }, zodRule(WallTime, t('calendars.timeInvalid'))];

  const copyMonday = () => {
    const monday = (form.getFieldValue(['week', '1']) as { start: string; end: string }[] | undefined) ?? [];
    form.setFieldValue('week', {
      ...(form.getFieldValue('week') as Record<string, unknown>),
      ...Object.fromEntries([2, 3, 4, 5].map((d) => [String(d), monday.map((r) => ({ ...r }))])),
    });
  };

  return (
    <div className="qloop-week-hours">
      {!disabled && (
        <Flex justify="flex-end" style={{ marginBottom: 4 }}>
          <Button type="link" size="small" onClick={copyMonday} data-testid="copy-monday">
            {t('calendars.copyMonday')}
          </Button>
        </Flex>
      )}
      {ISO_WEEKDAYS.map((d) => (
        <Form.List key={d} name={['week', String(d)]}>
          {(fields, { add, remove }, { errors }) => (
            <div className="qloop-week-row" data-testid={`week-day-${d}`}>
              <Typography.Text strong className="qloop-week-day">
                {weekday(d)}
              </Typography.Text>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Flex wrap gap={8} align="flex-start">
                  {fields.map((field) => (
                    <Flex key={field.key} gap={4} align="flex-start" className="qloop-week-range">
                      <Form.Item name={[field.name, 'start']} rules={timeRules} style={{ marginBottom: 0 }}>
                        <Input size="small" placeholder="09:00" maxLength={5} style={{ width: 64 }} disabled={disabled} />
                      </Form.Item>
                      <span style={{ lineHeight: '24px' }}>–</span>
                      <Form.Item name={[field.name, 'end']} rules={timeRules} style={{ marginBottom: 0 }}>
                        <Input size="small" placeholder="18:00" maxLength={5} style={{ width: 64 }} disabled={disabled} />
                      </Form.Item>
                      {!disabled && (
                        <Tooltip title={t('calendars.removeRange')}>
                          <Button
                            type="text"
                            size="small"
                            aria-label={t('calendars.removeRange')}
                            icon={<CloseOutlined />}
                            onClick={() => remove(field.name)}
                          />
                        </Tooltip>
                      )}
                    </Flex>
                  ))}
                  {fields.length === 0 && (
                    <Typography.Text type="secondary" style={{ lineHeight: '24px' }}>
                      {t('calendars.closedDay')}
                    </Typography.Text>
                  )}
                  {!disabled && (
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ start: '', end: '' })}
                      data-testid={`add-range-${d}`}
                    >
                      {t('calendars.addRange')}
                    </Button>
                  )}
                </Flex>
                <Form.ErrorList errors={errors} />
              </div>
            </div>
          )}
        </Form.List>
      ))}
    </div>
  );
}
