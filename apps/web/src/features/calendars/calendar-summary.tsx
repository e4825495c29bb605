import { Descriptions, Flex, Typography } from 'antd';
import type { Calendar } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useCalendarLabels } from './calendar-labels';

/** A calendar's settings as text, for everyone who may read them (editing is in the drawer). */
export function CalendarSummary({ calendar: c }: { calendar: Calendar }) {
  const { t } = useTranslation();
  const { weekday, weekSummary } = useCalendarLabels();
  const weekly = c.mode === 'weekly';
  const dates = (list: string[]) => (list.length ? list.join(t('calendars.listSep')) : t('common.none'));
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      styles={{ label: { width: 150 } }}
      data-testid="calendar-summary"
      items={[
        { key: 'key', label: t('calendars.key'), children: <Typography.Text code>{c.key}</Typography.Text> },
        { key: 'zone', label: t('calendars.timeZone'), children: c.timeZone },
        {
          key: 'week',
          label: weekly ? t('calendars.weekHours') : t('calendars.mode'),
          span: 2,
          children: (
            <Flex vertical gap={2}>
              {weekSummary(c).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </Flex>
          ),
        },
        ...(weekly
          ? [
              {
                key: 'statutory',
                label: t('calendars.useStatutory'),
                span: 2,
                children: (
                  <>
                    {t(`calendars.onOff_${c.useStatutoryHolidays}`)}
                    {c.useStatutoryHolidays && (
                      <Typography.Text type="secondary">
                        {` · ${t('calendars.makeUpSummary', { day: weekday(c.makeUpDayHoursFrom) })} · ${t('calendars.statutoryYears', c.statutoryYears)}`}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              { key: 'holidays', label: t('calendars.extraHolidays'), children: dates(c.extraHolidays) },
              { key: 'workdays', label: t('calendars.extraWorkdays'), children: dates(c.extraWorkdays) },
            ]
          : []),
        { key: 'updated', label: t('calendars.updatedAt'), span: 2, children: formatDateTime(c.updatedAt) },
      ]}
    />
  );
}
