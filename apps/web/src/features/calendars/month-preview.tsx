import { Alert, Button, DatePicker, Flex, Spin, Tooltip, Typography } from 'antd';
import { LeftOutlined, QuestionCircleOutlined, RightOutlined } from '@ant-design/icons';
import type { Calendar, CalendarPreview } from '@qloop/contracts';
import type { z } from 'zod';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCalendarPreview } from '../../api/calendars';
import { useFormatMinutes } from '../../components/duration';
import { ISO_WEEKDAYS, formatRanges, useCalendarLabels } from './calendar-labels';

type Day = z.infer<typeof CalendarPreview>['days'][number];
const KINDS: Day['kind'][] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

/**
 * A month of the calendar as the engine computes it, Monday first: each day coloured by kind
 * (working day, weekend, statutory or extra holiday, 调休 make-up working day) with the holiday's
 * name and the opening hours. Days beyond the statutory data are flagged provisional.
 */
export function MonthPreview({ calendar, month, onMonthChange }: { calendar: Calendar; month: string; onMonthChange: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data, isFetching, error } = useCalendarPreview(calendar.key, month);
  const first = dayjs(`${month}-01`);
  const go = (m: dayjs.Dayjs) => onMonthChange(m.format('YYYY-MM'));
  const days = data?.month === month ? data.days : [];
  const formatMinutes = useFormatMinutes();
  const provisionalYears = [...new Set(days.filter((d) => d.provisional).map((d) => d.date.slice(0, 4)))];
  const open = days.filter((d) => d.minutes > 0);

  return (
    <div>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center">
          <Tooltip title={t('calendars.prevMonth')}>
            <Button icon={<LeftOutlined />} aria-label={t('calendars.prevMonth')} onClick={() => go(first.subtract(1, 'month'))} data-testid="preview-prev" />
          </Tooltip>
          <span data-testid="preview-month">
            <DatePicker picker="month" allowClear={false} value={first} format="YYYY-MM" onChange={(d) => d && go(d)} style={{ width: 120 }} />
          </span>
          <Tooltip title={t('calendars.nextMonth')}>
            <Button icon={<RightOutlined />} aria-label={t('calendars.nextMonth')} onClick={() => go(first.add(1, 'month'))} data-testid="preview-next" />
          </Tooltip>
          <Button onClick={() => go(dayjs())}>{t('calendars.thisMonth')}</Button>
          {isFetching && <Spin size="small" />}
        </Flex>
        <Flex gap={12} wrap className="qloop-cal-legend">
          {KINDS.map((k) => (
            <span key={k} className="qloop-cal-legend-item">
              <span className={`qloop-cal-swatch qloop-cal-${k}`} />
              {t(`calendars.kind_${k}`)}
            </span>
          ))}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {provisionalYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('calendars.provisionalAlert', { years: provisionalYears.join(t('calendars.listSep')), ...calendar.statutoryYears })}
          style={{ marginBottom: 12 }}
          data-testid="preview-provisional"
        />
      )}
      <MonthGrid first={first} days={days} en={i18n.language === 'en-US'} />
      {days.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="preview-total">
          {t('calendars.monthTotal', { duration: formatMinutes(open.reduce((s, d) => s + d.minutes, 0)), days: open.length })}
        </Typography.Text>
      )}
    </div>
  );
}

function MonthGrid({ first, days, en }: { first: dayjs.Dayjs; days: Day[]; en: boolean }) {
  const { weekdayShort } = useCalendarLabels();
  // blanks before the 1st so that each column is one ISO weekday (Monday first)
  const leading = (first.day() + 6) % 7;
  return (
    <div className="qloop-cal-grid" data-testid="preview-grid">
      {ISO_WEEKDAYS.map((d) => (
        <div key={d} className="qloop-cal-head">
          {weekdayShort(d)}
        </div>
      ))}
      {Array.from({ length: leading }, (_, i) => (
        <div key={`blank-${i}`} className="qloop-cal-blank" />
      ))}
      {days.map((d) => (
        <DayCell key={d.date} day={d} en={en} />
      ))}
    </div>
  );
}

function DayCell({ day: d, en }: { day: Day; en: boolean }) {
  const { t } = useTranslation();
  const { weekday } = useCalendarLabels();
  const formatMinutes = useFormatMinutes();
  const holiday = d.holidayName ? (en ? d.holidayName.en : d.holidayName.zh) : null;
  const allDay = d.minutes === 1440;
  const badge = d.kind === 'holiday' || d.kind === 'makeup_workday' ? t(`calendars.badge_${d.kind}`) : null;
  const tooltip = [
    `${d.date} ${weekday(d.isoWeekday)}`,
    [t(`calendars.kind_${d.kind}`), holiday].filter(Boolean).join(' · '),
    d.minutes ? `${formatRanges(d.ranges)} · ${t('calendars.dayOpen', { duration: formatMinutes(d.minutes) })}` : t('calendars.notCounted'),
    d.provisional ? t('calendars.provisional') : null,
  ].filter(Boolean);
  return (
    <Tooltip title={tooltip.map((line) => <div key={line}>{line}</div>)} mouseEnterDelay={0.3}>
      <div
        className={`qloop-cal-day qloop-cal-${d.kind}${d.provisional ? ' is-provisional' : ''}`}
        data-testid={`preview-day-${d.date}`}
        data-kind={d.kind}
      >
        <div className="qloop-cal-day-top">
          <span className="qloop-cal-num">{Number(d.date.slice(8))}</span>
          {badge && <span className={`qloop-cal-badge qloop-cal-badge-${d.kind}`}>{badge}</span>}
          {/* the word is in the tooltip and the alert above: a cell has room for the mark only */}
          {d.provisional && <QuestionCircleOutlined className="qloop-cal-provisional" aria-label={t('calendars.provisional')} />}
        </div>
        {holiday && <div className="qloop-cal-holiday-name">{holiday}</div>}
        <div className="qloop-cal-hours">
          {allDay ? t('calendars.allDay') : d.ranges.map((r) => <div key={r.start}>{`${r.start}–${r.end}`}</div>)}
        </div>
      </div>
    </Tooltip>
  );
}
