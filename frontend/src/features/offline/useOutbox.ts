import { useCallback, useEffect, useState } from 'react';
import { useSignedInUser } from '../../auth/AuthContext';
import { isOfflineError, keep, listOutbox, sendWithUploads, subscribe, type OutboxItem } from './outbox';

/** The kept completions of the signed-in user, kept up to date as the queue changes. */
export function useOutboxItems(): OutboxItem[] {
  const user = useSignedInUser() ?? '';
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => {
      listOutbox()
        .then((all) => {
          if (live) setItems(all.filter((i) => i.user === user));
        })
        .catch(() => {
          // no IndexedDB (private mode on some browsers): nothing is kept, nothing to show
        });
    };
    load();
    const unsubscribe = subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [user]);
  return items;
}

export interface CompletionRequest {
  taskId: string;
  taskKey: string;
  ticketId: number | null;
  values: Record<string, unknown>;
  /** Made once when the user pressed the button; the same key goes with every send of this form. */
  idempotencyKey: string;
}

/**
 * What a task form needs of the outbox: complete a task now, or keep it when there is no signal, and whether a
 * completion of this task already waits (the form then shows "待发送（无信号）" instead of its button).
 */
export function useOutbox(taskId?: string) {
  const user = useSignedInUser() ?? '';
  const items = useOutboxItems();
  const waiting = taskId ? items.find((i) => i.taskId === taskId) : undefined;

  /** 'sent' when the server took it, 'kept' when it waits for the signal; throws the server's refusal. */
  const complete = useCallback(
    async (req: CompletionRequest): Promise<'sent' | 'kept'> => {
      const item: OutboxItem = {
        key: req.idempotencyKey,
        taskId: req.taskId,
        taskKey: req.taskKey,
        ticketId: req.ticketId,
        user,
        values: req.values,
        createdAt: Date.now(),
      };
      try {
        // photos or a signature kept without signal go first; their real ids replace the placeholders
        await sendWithUploads(item);
        return 'sent';
      } catch (e) {
        if (!isOfflineError(e)) throw e;
        await keep(item);
        return 'kept';
      }
    },
    [user],
  );

  return { items, waiting, complete };
}
