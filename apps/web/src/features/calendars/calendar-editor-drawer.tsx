import { Alert, App, Button, DatePicker, Divider, Drawer, Flex, Form, Input, Radio, Select, Space, Switch } from 'antd';
import { CalendarKey, LIMITS, type Calendar } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCalendar, useUpdateCalendar } from '../../api/calendars';
import { ApiError, fieldIssues } from '../../api/client';
import { applyFieldIssues, useApiError } from '../../api/use-api-error';
import { zodRule } from '../../components/zod-rule';
import { ISO_WEEKDAYS, useCalendarLabels } from './calendar-labels';
import { useDescribeCalendarIssue } from './calendar-issues';
import { toCalendarValues, toDefinition, type CalendarValues } from './calendar-values';
import { WeekHoursFields } from './week-hours-fields';

const TIME_ZONES = Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z }));

/** Dates stay YYYY-MM-DD strings in the form (the API's shape); the picker works on dayjs values. */
const dateListProps = {
  getValueProps: (v: string[] | undefined) => ({ value: (v ?? []).map((d) => dayjs(d)) }),
  normalize: (v: Dayjs[] | null) => [...new Set((v ?? []).map((d) => d.format('YYYY-MM-DD')))].sort(),
};

/**
 * Create (`calendar` null) or edit a business calendar. A save answered 409 (someone else saved
 * first) reloads their version into the form and says so; problems the server finds are shown on
 * the fields they concern, the rest above the form.
 */
export function CalendarEditorDrawer({
  open,
  calendar,
  statutoryYears,
  onClose,
  onSaved,
}: {
  open: boolean;
  calendar: Calendar | null;
  statutoryYears: { from: number; to: number } | undefined;
  onClose: () => void;
  onSaved: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CalendarValues>();
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const showError = useApiError();
  const describe = useDescribeCalendarIssue();
  const { weekday } = useCalendarLabels();
  const [otherIssues, setOtherIssues] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const mode = Form.useWatch('mode', form);
  const initialValues = useMemo(() => toCalendarValues(calendar), [calendar]);

  // each opening starts from the calendar as saved, and so does the version reloaded after a 409
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, calendar?.key, calendar?.version, form]);

  const close = () => {
    setConflict(false);
    setOtherIssues([]);
    onClose();
  };

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT' && calendar) {
      void message.warning(t('calendars.conflictTitle'));
      setConflict(true);
    } else if (e instanceof ApiError && e.code === 'CONFLICT') {
      form.setFields([{ name: 'key', errors: [t('calendars.keyTaken')] }]);
    } else if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
      setOtherIssues(applyFieldIssues(form, fieldIssues(e), describe).map(describe));
      void message.error(t('errors.validationFailed'));
    } else {
      showError(e, form);
    }
  };

  const submit = (v: CalendarValues) => {
    setOtherIssues([]);
    const definition = toDefinition(v);
    const done = (saved: Calendar) => {
      void message.success(calendar ? t('calendars.saved') : t('calendars.created'));
      onSaved(saved.key);
      close();
    };
    if (calendar) update.mutate({ key: calendar.key, version: calendar.version, ...definition }, { onSuccess: done, onError });
    else create.mutate({ key: v.key!.trim(), ...definition }, { onSuccess: done, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={760}
      title={calendar ? `${t('calendars.edit')} · ${calendar.name}` : t('calendars.create')}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict && <Alert type="warning" showIcon title={t('calendars.conflictTitle')} description={t('calendars.conflict')} style={{ marginBottom: 16 }} />}
      {otherIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('calendars.fixIssues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {otherIssues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="calendar-issues"
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} scrollToFirstError>
        <Flex gap={16}>
          <Form.Item
            name="key"
            label={t('calendars.key')}
            style={{ flex: 1 }}
            extra={calendar ? undefined : t('calendars.keyHint')}
            rules={calendar ? [] : [{ required: true, message: t('calendars.keyInvalid') }, zodRule(CalendarKey, t('calendars.keyInvalid'))]}
          >
            <Input maxLength={40} disabled={!!calendar} placeholder="store-hours" />
          </Form.Item>
          <Form.Item name="name" label={t('calendars.name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={LIMITS.nameMax} placeholder={t('calendars.namePlaceholder')} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="timeZone" label={t('calendars.timeZone')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <Select showSearch options={TIME_ZONES} />
          </Form.Item>
          <Form.Item name="mode" label={t('calendars.mode')} style={{ flex: 1 }}>
            <Radio.Group
              optionType="button"
              options={(['weekly', '24x7'] as const).map((m) => ({ value: m, label: <span data-testid={`calendar-mode-${m}`}>{t(`calendars.mode_${m}`)}</span> }))}
            />
          </Form.Item>
        </Flex>
        {mode === '24x7' ? (
          <Alert type="info" showIcon title={t('calendars.mode24x7Hint')} />
        ) : (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '0 0 4px' }}>
              {t('calendars.weekHours')}
            </Divider>
            <Form.Item extra={t('calendars.weekHoursHint')} style={{ marginBottom: 16 }}>
              <WeekHoursFields />
            </Form.Item>
            <Divider titlePlacement="start" plain style={{ margin: '0 0 12px' }}>
              {t('calendars.holidays')}
            </Divider>
            <Flex gap={16}>
              <Form.Item
                name="useStatutoryHolidays"
                label={t('calendars.useStatutory')}
                valuePropName="checked"
                style={{ flex: 1 }}
                extra={statutoryYears ? t('calendars.useStatutoryHint', statutoryYears) : undefined}
              >
                <Switch data-testid="calendar-statutory" />
              </Form.Item>
              <Form.Item name="makeUpDayHoursFrom" label={t('calendars.makeUpFrom')} style={{ width: 220 }} extra={t('calendars.makeUpFromHint')}>
                <Select options={ISO_WEEKDAYS.map((d) => ({ value: d, label: t('calendars.makeUpFromOption', { day: weekday(d) }) }))} />
              </Form.Item>
            </Flex>
            <Space direction="vertical" style={{ width: '100%' }} size={0}>
              <Form.Item name="extraHolidays" label={t('calendars.extraHolidays')} extra={t('calendars.extraHolidaysHint')} {...dateListProps}>
                <DatePicker multiple maxTagCount="responsive" placeholder={t('calendars.pickDates')} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="extraWorkdays" label={t('calendars.extraWorkdays')} extra={t('calendars.extraWorkdaysHint')} {...dateListProps}>
                <DatePicker multiple maxTagCount="responsive" placeholder={t('calendars.pickDates')} style={{ width: '100%' }} />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Drawer>
  );
}
