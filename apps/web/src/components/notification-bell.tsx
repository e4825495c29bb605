import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  useLatestNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useUnreadCount,
} from '../api/notifications';
import { formatDateTime } from './format';

/** The header bell: unread badge (polled), the latest 10 in a popover, one click opens the ticket or warning. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    // a warning's notice opens the warning (its ticket, if any, is one click further, under evidence)
    if (n.warningId) void navigate(`/warnings/${n.warningId}`);
    else if (n.ticketId) void navigate(`/tickets/${n.ticketId}`);
  };

  const items = latest.data ?? [];
  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={(unread.data ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 400, overflow: 'auto' }}
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => openItem(n)}
              style={{ cursor: n.ticketId || n.warningId ? 'pointer' : 'default', paddingInline: 4 }}
              data-testid="notification-item"
            >
              <Flex gap={8} align="flex-start" style={{ width: '100%' }}>
                <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong={!n.readAt} ellipsis style={{ display: 'block' }}>
                    {n.title}
                  </Typography.Text>
                  {n.body && (
                    <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                      {n.body}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`notifications.kind_${n.kind}`)}
                    {n.ticketNo ? ` · ${n.ticketNo}` : ''} · {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </div>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      <Button
        type="text"
        aria-label={t('notifications.open')}
        data-testid="notification-bell"
        icon={
          <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
