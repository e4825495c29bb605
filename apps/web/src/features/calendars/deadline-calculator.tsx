import { Button, Card, DatePicker, Flex, Form, Typography } from 'antd';
import { SLA_LIMITS, type Calendar } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddBusinessMinutes, useBusinessMinutes } from '../../api/calendars';
import { useApiError } from '../../api/use-api-error';
import { useFormatMinutes } from '../../components/duration';
import { DurationInput } from '../../components/duration-input';
import { formatZonedWallTime, wallTimeInZone } from './zoned-time';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * Two questions answered by the server's own engine, so what people try here is exactly what the
 * clocks do: start + business time → deadline, and the business time between two moments.
 */
export function DeadlineCalculator({ calendar }: { calendar: Calendar }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const formatMinutes = useFormatMinutes();
  const add = useAddBusinessMinutes();
  const between = useBusinessMinutes();
  const zone = calendar.timeZone;
  const required = [{ required: true, message: t('calendars.calcRequired') }];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('calendars.calcZone', { zone })}</Typography.Paragraph>
      <Flex gap={16} wrap align="stretch">
        <Card size="small" title={t('calendars.calcDeadline')} style={{ flex: '1 1 320px' }} data-testid="calc-deadline">
          <Typography.Paragraph type="secondary">{t('calendars.calcDeadlineHint')}</Typography.Paragraph>
          <Form<{ start: Dayjs; minutes: number }>
            layout="vertical"
            initialValues={{ start: dayjs().startOf('hour'), minutes: 8 * 60 }}
            onFinish={(v) =>
              add.mutate({ key: calendar.key, start: wallTimeInZone(v.start, zone), minutes: v.minutes }, { onError: (e) => showError(e) })
            }
          >
            <Form.Item name="start" label={t('calendars.calcStart')} rules={required}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} allowClear={false} />
            </Form.Item>
            <Form.Item name="minutes" label={t('calendars.calcMinutes')} rules={required}>
              <DurationInput max={SLA_LIMITS.targetMinutesMax} />
            </Form.Item>
            <Result label={t('calendars.calcDeadlineResult')} testId="calc-deadline-result">
              {add.data && formatZonedWallTime(add.data.deadline)}
            </Result>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('calendars.calcRun')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('calendars.calcBetween')} style={{ flex: '1 1 320px' }} data-testid="calc-between">
          <Typography.Paragraph type="secondary">{t('calendars.calcBetweenHint')}</Typography.Paragraph>
          <Form<{ range: [Dayjs, Dayjs] }>
            layout="vertical"
            initialValues={{ range: [dayjs().startOf('day').hour(9), dayjs().startOf('day').add(1, 'day').hour(18)] }}
            onFinish={({ range: [from, to] }) =>
              between.mutate({ key: calendar.key, from: wallTimeInZone(from, zone), to: wallTimeInZone(to, zone) }, { onError: (e) => showError(e) })
            }
          >
            <Form.Item name="range" label={t('calendars.calcRange')} rules={required}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
            <Result label={t('calendars.calcBetweenResult')} testId="calc-between-result">
              {between.data && t('calendars.calcBetweenValue', { duration: formatMinutes(between.data.minutes), minutes: between.data.minutes })}
            </Result>
            <Button type="primary" htmlType="submit" loading={between.isPending}>
              {t('calendars.calcRun')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </>
  );
}

/** The answer, in its own line above the button; a dash until asked. */
function Result({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Flex gap={8} align="baseline" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid={testId}>
        {children || '—'}
      </Typography.Text>
    </Flex>
  );
}
