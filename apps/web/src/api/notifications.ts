import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notification, UnreadCount, pageOf } from '@qloop/contracts';
import { api } from './client';

const notificationsKey = ['notifications'] as const;
const NotificationPage = pageOf(Notification);

/** The unread badge: polled every 30 s while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => api.get('/notifications/unread-count', UnreadCount, undefined, signal),
    refetchInterval: 30_000,
    select: (d) => d.unread,
  });
}

/** The latest 10, loaded when the bell is opened. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'latest'],
    queryFn: ({ signal }) => api.get('/notifications', NotificationPage, { pageSize: 10 }, signal),
    enabled,
    select: (d) => d.items,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/notifications/read-all'),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
