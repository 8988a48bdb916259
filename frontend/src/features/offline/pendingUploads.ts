import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { postForm } from '../../api/client';

/**
 * Issue 12: a photo or a drawn signature taken without signal is kept on the phone (IndexedDB, its bytes and
 * the Idempotency-Key made when it was taken) and the form field holds a placeholder, `pending:<key>`, instead
 * of an attachment id. Before a completion is sent, each placeholder in its values is uploaded (always with its
 * own key, so an upload whose answer was lost is answered again by the server, never stored twice) and
 * replaced by the real attachment id.
 */
export interface PendingUpload {
  /** The Idempotency-Key of the upload; also the item's id. */
  key: string;
  ticketId: number;
  fileName: string;
  kind: 'PHOTO' | 'SIGNATURE';
  /** The file's bytes (an ArrayBuffer clones into IndexedDB on every browser; some refused Blobs). */
  bytes: ArrayBuffer;
  contentType: string;
  user: string;
  createdAt: number;
  /** Set once the server took it: a later resend of the completion needs no new upload. */
  attachmentId?: number;
}

export const PENDING_PREFIX = 'pending:';

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('aftercare-uploads', 'files');
  return store;
}

let lastTakenAt = 0;

/**
 * When a file was taken, strictly increasing on this page: photos picked together are kept in the order they
 * were picked, although their failed uploads (and so their keeping) finish in any order.
 */
export function takenNow(): number {
  lastTakenAt = Math.max(Date.now(), lastTakenAt + 1);
  return lastTakenAt;
}

export function pendingRef(key: string): string {
  return PENDING_PREFIX + key;
}

export function isPendingRef(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PENDING_PREFIX);
}

/** The upload keys named by the placeholders in a form's values. */
export function pendingKeysIn(values: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const value of Object.values(values)) {
    if (typeof value !== 'string') continue;
    for (const part of value.split(',')) {
      const p = part.trim();
      if (isPendingRef(p)) keys.push(p.slice(PENDING_PREFIX.length));
    }
  }
  return keys;
}

/** Keeps a file that could not be uploaded; answers the placeholder the form field holds instead of an id. */
export async function keepUpload(upload: {
  key: string;
  ticketId: number;
  fileName: string;
  kind: 'PHOTO' | 'SIGNATURE';
  file: Blob;
  user: string;
  /** From takenNow() when the file was picked or drawn; the moment it is kept if not given. */
  takenAt?: number;
}): Promise<string> {
  const bytes = await readBytes(upload.file);
  const item: PendingUpload = {
    key: upload.key,
    ticketId: upload.ticketId,
    fileName: upload.fileName,
    kind: upload.kind,
    bytes,
    contentType: upload.file.type || 'application/octet-stream',
    user: upload.user,
    createdAt: upload.takenAt ?? takenNow(),
  };
  await set(item.key, item, db());
  return pendingRef(item.key);
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export function getUpload(key: string): Promise<PendingUpload | undefined> {
  return get<PendingUpload>(key, db());
}

export async function listUploads(): Promise<PendingUpload[]> {
  const all = await entries<string, PendingUpload>(db());
  return all.map(([, item]) => item).sort((a, b) => a.createdAt - b.createdAt);
}

export function discardUpload(key: string): Promise<void> {
  return del(key, db());
}

/** Answered by POST /api/tickets/{id}/attachments (only the id is needed here). */
interface Uploaded {
  id: number;
}

/** Sends one kept file with its own Idempotency-Key; 201 the first time, 200 with the same attachment after. */
export function sendUpload(item: PendingUpload): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', new Blob([item.bytes], { type: item.contentType }), item.fileName);
  form.append('kind', item.kind);
  form.append('visibility', 'PUBLIC');
  return postForm<Uploaded>(`/tickets/${item.ticketId}/attachments`, form, { 'Idempotency-Key': item.key });
}

/**
 * Uploads the kept files a form names (oldest first) and answers the values with the real attachment ids in
 * place of the placeholders. Throws what the first failed upload threw (no signal: the caller keeps waiting).
 */
export async function resolvePending(
  values: Record<string, unknown>,
  send: typeof sendUpload = sendUpload,
): Promise<Record<string, unknown>> {
  const keys = pendingKeysIn(values);
  if (keys.length === 0) return values;
  const ids = new Map<string, number>();
  const signatures = new Set<string>();
  for (const key of keys) {
    const item = await getUpload(key);
    if (!item) throw new MissingUploadError(key);
    if (item.attachmentId === undefined) {
      const uploaded = await send(item);
      item.attachmentId = uploaded.id;
      await set(item.key, item, db());
    }
    ids.set(key, item.attachmentId);
    if (item.kind === 'SIGNATURE') signatures.add(key);
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (typeof value !== 'string' || pendingKeysIn({ v: value }).length === 0) {
      out[field] = value;
      continue;
    }
    const parts = value.split(',').map((part) => {
      const p = part.trim();
      return isPendingRef(p) ? String(ids.get(p.slice(PENDING_PREFIX.length))) : p;
    });
    // a signature field is a long variable (its attachment id); photos stay comma-separated ids
    const signature = parts.length === 1 && signatures.has(value.trim().slice(PENDING_PREFIX.length));
    out[field] = signature ? Number(parts[0]) : parts.join(',');
  }
  return out;
}

/** A placeholder names a file no longer on this phone (site data cleared): the form cannot be sent as filled. */
export class MissingUploadError extends Error {
  constructor(readonly key: string) {
    super(`the kept file ${key} is no longer on this device`);
    this.name = 'MissingUploadError';
  }
}

/** After the completion was taken: the kept files it named are no longer needed. */
export async function discardUploadsOf(values: Record<string, unknown>): Promise<void> {
  for (const key of pendingKeysIn(values)) await discardUpload(key);
}
