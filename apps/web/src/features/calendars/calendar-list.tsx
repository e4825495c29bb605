import { Card, Empty, Tag, Typography } from 'antd';
import type { Calendar } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

/** The calendars to choose from, the chosen one highlighted. */
export function CalendarList({ calendars, selectedKey, onSelect }: { calendars: Calendar[]; selectedKey?: string; onSelect: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ width: 280, flex: 'none' }} styles={{ body: { padding: 8 } }}>
      {calendars.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendars.noCalendars')} />}
      {calendars.map((c) => (
        <button
          key={c.key}
          type="button"
          className={`qloop-pick-item${c.key === selectedKey ? ' is-selected' : ''}`}
          onClick={() => onSelect(c.key)}
          aria-pressed={c.key === selectedKey}
          data-testid={`calendar-item-${c.key}`}
        >
          <Typography.Text strong ellipsis={{ tooltip: c.name }} style={{ display: 'block' }}>
            {c.name}
          </Typography.Text>
          <span className="qloop-pick-item-meta">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.key}
            </Typography.Text>
            <Tag color={c.mode === '24x7' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {t(`calendars.mode_${c.mode}`)}
            </Tag>
          </span>
        </button>
      ))}
    </Card>
  );
}
