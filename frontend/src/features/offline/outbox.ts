import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { ApiError, request } from '../../api/client';
import { discardUploadsOf, MissingUploadError, resolvePending, sendUpload } from './pendingUploads';

/**
 * Issue 12: a task form completed without signal is kept on the phone (IndexedDB, so it survives a reload or
 * a closed browser) and sent when the connection returns, in the order it was filled, always with the
 * Idempotency-Key made when the user pressed the button: a send that reached the server but whose answer
 * was lost is answered again by the server instead of being done twice.
 */
export interface OutboxItem {
  /** The Idempotency-Key; also the item's id. */
  key: string;
  taskId: string;
  taskKey: string;
  ticketId: number | null;
  /** Who filled it: only they may send it (the server binds the key to the caller). */
  user: string;
  values: Record<string, unknown>;
  createdAt: number;
  /** Set when the server refused it (4xx other than "already completed"): kept for the user to read and discard. */
  refused?: { status: number; message: string };
}

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('aftercare-outbox', 'completions');
  return store;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called on every change of the queue (hooks re-read it). */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  listeners.forEach((l) => l());
}

/** Everything kept, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  const all = await entries<string, OutboxItem>(db());
  return all.map(([, item]) => item).sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
}

export async function keep(item: OutboxItem): Promise<void> {
  await set(item.key, item, db());
  changed();
}

export async function discard(key: string): Promise<void> {
  await del(key, db());
  changed();
}

/** The request did not reach the server: no signal (fetch's TypeError) or the browser knows it is offline. */
export function isOfflineError(e: unknown): boolean {
  if (e instanceof ApiError) return false;
  return e instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false);
}

/** Sends one completion with its own key. */
export function sendCompletion(item: Pick<OutboxItem, 'taskId' | 'values' | 'key'>): Promise<void> {
  return request<void>(`/tasks/${encodeURIComponent(item.taskId)}/complete`, {
    method: 'POST',
    body: item.values,
    headers: { 'Idempotency-Key': item.key },
  });
}

/** What one replay did, for the page to tell the user. */
export interface ReplayReport {
  sent: OutboxItem[];
  /** The server says the task was already completed (409/404): nothing left to send. */
  alreadyDone: OutboxItem[];
  /** Refused for good (e.g. 422, 400, 403): kept, marked, for the user to read. */
  refused: OutboxItem[];
  /** Still no signal (or the server is away): the rest waits for the next try. */
  stillWaiting: number;
}

let running: Promise<ReplayReport> | null = null;

/**
 * Sends the kept completions of this user in order. Stops at the first that does not reach the server, so a
 * later form never overtakes an earlier one. Only one replay runs at a time (the online event, the timer and
 * the start of the app may all ask at once).
 */
export function replay(
  user: string,
  send: typeof sendCompletion = sendCompletion,
  sendFile: typeof sendUpload = sendUpload,
): Promise<ReplayReport> {
  running ??= replayOnce(user, send, sendFile).finally(() => {
    running = null;
  });
  return running;
}

/**
 * Sends one kept form: first the photos and signature kept with it (each with its own key), then the completion
 * with their real attachment ids; the kept files are dropped once the completion was taken.
 */
export async function sendWithUploads(
  item: Pick<OutboxItem, 'taskId' | 'values' | 'key'>,
  send: typeof sendCompletion = sendCompletion,
  sendFile: typeof sendUpload = sendUpload,
): Promise<void> {
  const values = await resolvePending(item.values, sendFile);
  await send({ ...item, values });
  await discardUploadsOf(item.values);
}

async function replayOnce(
  user: string,
  send: typeof sendCompletion,
  sendFile: typeof sendUpload,
): Promise<ReplayReport> {
  const report: ReplayReport = { sent: [], alreadyDone: [], refused: [], stillWaiting: 0 };
  const waiting = (await listOutbox()).filter((i) => i.user === user && !i.refused);
  for (let i = 0; i < waiting.length; i++) {
    const item = waiting[i];
    try {
      await sendWithUploads(item, send, sendFile);
      await discard(item.key);
      report.sent.push(item);
    } catch (e) {
      if (e instanceof MissingUploadError) {
        const refused = { ...item, refused: { status: 410, message: e.message } };
        await keep(refused);
        report.refused.push(refused);
      } else if (e instanceof ApiError && (e.status === 409 || e.status === 404)) {
        await discard(item.key);
        report.alreadyDone.push(item);
      } else if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429) {
        const refused = { ...item, refused: { status: e.status, message: e.message } };
        await keep(refused);
        report.refused.push(refused);
      } else {
        // no signal, signed out, or the server is busy or down: try again later, in the same order
        report.stillWaiting = waiting.length - i;
        break;
      }
    }
  }
  return report;
}
