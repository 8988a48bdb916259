import { api } from '../../api/client';
import type { Notification } from '../../api/types';

/** How many notifications the drawer loads at a time. */
export const PAGE_SIZE = 20;

export const notificationsApi = {
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  page: (page: number) => api.get<Notification[]>('/notifications', { page, size: PAGE_SIZE }),
  markRead: (id: number) => api.postEmpty<void>(`/notifications/${id}/read`),
  /** Up to the newest the reader has seen: one that came in meanwhile stays unread. */
  markAllRead: (upToId?: number) =>
    api.post<{ marked: number }>(upToId ? `/notifications/read-all?upToId=${upToId}` : '/notifications/read-all'),
};

/** Under ['notifications'], which the supervisor board's list uses too: marking read refreshes it as well. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  pages: ['notifications', 'pages'] as const,
};
