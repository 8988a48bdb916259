import { CloudUploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, List, Popover, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../../auth/AuthContext';
import { discard, replay, type OutboxItem, type ReplayReport } from './outbox';
import { useOutboxItems } from './useOutbox';

/** While forms wait, the outbox tries again this often (besides the browser's "online" event). */
export const RETRY_MILLIS = 30_000;

/** Why the server refused a kept form, in the reader's language (no server text, no codes). */
export function refusalText(t: TFunction, item: OutboxItem): string {
  switch (item.refused?.status) {
    case 422:
      return t('offline.refused.reusedKey');
    case 403:
      return t('offline.refused.forbidden');
    case 400:
      return t('offline.refused.badInput');
    default:
      return t('offline.refused.other');
  }
}

/**
 * Sends kept forms when it can: at the start of the app, on the browser's "online" event and every 30 s while
 * some wait; then refreshes every page's data and says what happened.
 */
export function useOutboxReplay(items: OutboxItem[]) {
  const { t } = useTranslation();
  const user = useSignedInUser() ?? '';
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const waiting = items.filter((i) => !i.refused).length;

  const tell = useCallback(
    (report: ReplayReport) => {
      if (report.sent.length > 0) {
        notification.success({
          key: 'outbox-sent',
          message: t('offline.sent', { count: report.sent.length }),
          props: { 'data-testid': 'outbox-sent-notice' },
        });
      }
      if (report.alreadyDone.length > 0) {
        notification.warning({ key: 'outbox-done', message: t('offline.alreadyDone'), duration: 10 });
      }
      report.refused.forEach((item) =>
        notification.error({ key: `outbox-refused-${item.key}`, message: refusalText(t, item), duration: 0 }),
      );
      if (report.sent.length + report.alreadyDone.length + report.refused.length > 0) {
        void queryClient.invalidateQueries();
      }
    },
    [notification, queryClient, t],
  );

  const tryNow = useCallback(() => {
    replay(user)
      .then(tell)
      .catch(() => {
        // IndexedDB unavailable: nothing was kept, nothing to send
      });
  }, [tell, user]);

  useEffect(() => {
    tryNow();
    window.addEventListener('online', tryNow);
    return () => window.removeEventListener('online', tryNow);
  }, [tryNow]);

  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(tryNow, RETRY_MILLIS);
    return () => window.clearInterval(timer);
  }, [tryNow, waiting]);

  return tryNow;
}

/** Header badge: how many forms wait to be sent; the list links to their tickets. Hidden when nothing waits. */
export function OutboxBadge() {
  const { t } = useTranslation();
  const items = useOutboxItems();
  const tryNow = useOutboxReplay(items);
  if (items.length === 0) return null;
  const content = (
    <List
      size="small"
      style={{ maxWidth: 300 }}
      dataSource={items}
      renderItem={(item) => (
        <List.Item
          data-testid="outbox-item"
          actions={
            item.refused
              ? [
                  <Button key="discard" size="small" danger onClick={() => void discard(item.key)}>
                    {t('offline.discard')}
                  </Button>,
                ]
              : undefined
          }
        >
          <div>
            {item.ticketId ? (
              <Link to={`/tickets/${item.ticketId}`}>{t('offline.itemOfTicket', { id: item.ticketId })}</Link>
            ) : (
              t('offline.item')
            )}
            <br />
            <Typography.Text type={item.refused ? 'danger' : 'warning'}>
              {item.refused ? refusalText(t, item) : t('offline.waiting')}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('offline.title')} trigger="click">
      <Badge count={items.length} size="small">
        <Button
          size="small"
          icon={<CloudUploadOutlined />}
          onClick={tryNow}
          aria-label={t('offline.title')}
          data-testid="outbox-badge"
          data-count={items.length}
        />
      </Badge>
    </Popover>
  );
}
