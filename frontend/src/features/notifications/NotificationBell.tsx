import { BellOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { notificationKeys, notificationsApi, PAGE_SIZE } from './api';

/** How a notification names its case: the number the server sends, or "#id" for older entries without one. */
function caseLabel(n: Notification): string | null {
  if (n.ticketId == null) return null;
  return n.ticketNumber || `#${n.ticketId}`;
}

/**
 * The bell in the top bar: the signed-in user's unread notifications, asked for every 30 s while the tab is
 * visible. Clicking opens a drawer with the newest first: what happened (in the reader's language), which case,
 * when; mark one read, mark all read, go to the case.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: notificationsApi.unreadCount,
    refetchInterval: REFRESH_MILLIS,
  });
  const pages = useInfiniteQuery({
    queryKey: notificationKeys.pages,
    queryFn: ({ pageParam }) => notificationsApi.page(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, all) => (last.length === PAGE_SIZE ? all.length : undefined),
    enabled: open,
    // while the drawer is open, what the bell counts is listed too
    refetchInterval: open ? REFRESH_MILLIS : false,
  });
  const items = pages.data?.pages.flat() ?? [];
  const count = unread.data?.unread ?? 0;

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: notificationsApi.markRead, onSettled: refresh });
  const markAll = useMutation({ mutationFn: notificationsApi.markAllRead, onSettled: refresh });

  const goTo = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    setOpen(false);
    void navigate(n.ticketId != null ? `/tickets/${n.ticketId}` : (n.page ?? '/'));
  };

  const error = pages.error ?? markRead.error ?? markAll.error;

  return (
    <>
      {/* the count sits on the button's corner and half outside it: room for "99+" so it never widens a phone page */}
      <span style={{ display: 'inline-block', paddingInlineEnd: 12 }}>
        <Badge count={count} size="small" overflowCount={99}>
          <Button
            size="small"
            icon={<BellOutlined />}
            onClick={() => setOpen(true)}
            aria-label={t('notifications.bell', { count })}
            data-testid="notification-bell"
            data-count={unread.isSuccess ? count : undefined}
          />
        </Badge>
      </span>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        placement="right"
        width={phone ? '100%' : 420}
        destroyOnHidden
        rootClassName="notification-drawer"
        extra={
          <Button
            size="small"
            disabled={count === 0 || markAll.isPending}
            onClick={() => markAll.mutate(items[0]?.id)}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <div data-testid="notification-drawer" data-state={pages.isLoading ? 'loading' : 'ready'}>
          {error && <Alert type="error" showIcon message={describeError(error, t)} style={{ marginBottom: 12 }} />}
          <List<Notification>
            loading={pages.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
            renderItem={(n) => {
              const label = caseLabel(n);
              return (
                <List.Item
                  data-testid="notification-item"
                  data-read={n.read}
                  data-id={n.id}
                  style={{ display: 'block', opacity: n.read ? 0.6 : 1 }}
                >
                  <Typography.Paragraph strong={!n.read} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
                    {n.message}
                  </Typography.Paragraph>
                  <Space size={[8, 4]} wrap>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                    {label && (
                      <Button size="small" type="link" onClick={() => goTo(n)} data-testid="notification-go">
                        {t('notifications.goToCase', { number: label })}
                      </Button>
                    )}
                    {!label && n.page && (
                      <Button size="small" type="link" onClick={() => goTo(n)} data-testid="notification-go">
                        {t('notifications.goToPage')}
                      </Button>
                    )}
                    {!n.read && (
                      <Button
                        size="small"
                        onClick={() => markRead.mutate(n.id)}
                        disabled={markRead.isPending && markRead.variables === n.id}
                        data-testid="notification-read"
                      >
                        {t('notifications.markRead')}
                      </Button>
                    )}
                    {n.read && <Typography.Text type="secondary">{t('notifications.read')}</Typography.Text>}
                  </Space>
                </List.Item>
              );
            }}
          />
          {pages.hasNextPage && (
            <Button
              block
              onClick={() => void pages.fetchNextPage()}
              loading={pages.isFetchingNextPage}
              data-testid="notifications-more"
            >
              {t('notifications.more')}
            </Button>
          )}
        </div>
      </Drawer>
    </>
  );
}
