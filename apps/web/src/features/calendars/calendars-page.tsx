import { Button, Card, Flex, Spin, Tabs } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Calendar } from '@qloop/contracts';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCalendars } from '../../api/calendars';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { CalendarEditorDrawer } from './calendar-editor-drawer';
import { CalendarList } from './calendar-list';
import { CalendarSummary } from './calendar-summary';
import { DeadlineCalculator } from './deadline-calculator';
import { MonthPreview } from './month-preview';

type Tab = 'preview' | 'calculator';

/**
 * 工作日历: the calendars SLA clocks count on. Each shows its settings, a month preview computed
 * by the server's engine, and a deadline calculator; people with sla:manage edit them in a drawer.
 * The calendar, month and tab live in the address, so a link opens the same view.
 */
export default function CalendarsPage() {
  const { t } = useTranslation();
  const manage = useCan()('sla:manage');
  const { data: calendars, isPending, isFetching, refetch } = useCalendars();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<{ key: string | null } | null>(null);

  const list = calendars ?? [];
  const selected = list.find((c) => c.key === params.get('key')) ?? list[0];
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : dayjs().format('YYYY-MM');
  const tab: Tab = params.get('tab') === 'calculator' ? 'calculator' : 'preview';
  const set = (changes: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...changes }, { replace: true });
  const edited: Calendar | null = editing?.key ? (list.find((c) => c.key === editing.key) ?? null) : null;

  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        subtitle={t('calendars.subtitle')}
        extra={
          <>
            <RefreshButton fetching={isFetching} refetch={refetch} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ key: null })} data-testid="calendar-create">
                {t('calendars.create')}
              </Button>
            )}
          </>
        }
      />
      {isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex gap={16} align="flex-start">
          <CalendarList calendars={list} selectedKey={selected?.key} onSelect={(key) => set({ key })} />
          {selected && (
            <Card
              style={{ flex: 1, minWidth: 0 }}
              title={<span data-testid="calendar-title">{selected.name}</span>}
              extra={
                manage && (
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ key: selected.key })} data-testid="calendar-edit">
                    {t('calendars.edit')}
                  </Button>
                )
              }
            >
              <CalendarSummary calendar={selected} />
              <Tabs
                activeKey={tab}
                onChange={(k) => set({ tab: k })}
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'preview',
                    label: <span data-testid="tab-preview">{t('calendars.tabPreview')}</span>,
                    children: <MonthPreview calendar={selected} month={month} onMonthChange={(m) => set({ month: m })} />,
                  },
                  {
                    key: 'calculator',
                    label: <span data-testid="tab-calculator">{t('calendars.tabCalculator')}</span>,
                    // keyed: another calendar's answer must not linger
                    children: <DeadlineCalculator key={selected.key} calendar={selected} />,
                  },
                ]}
              />
            </Card>
          )}
        </Flex>
      )}
      <CalendarEditorDrawer
        open={editing !== null}
        calendar={edited}
        statutoryYears={list[0]?.statutoryYears}
        onClose={() => setEditing(null)}
        onSaved={(key) => set({ key })}
      />
    </>
  );
}
