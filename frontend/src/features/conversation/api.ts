import { api, getBlob, postForm, request } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type AttachmentView = Required<Omit<Schemas['AttachmentView'], 'width' | 'height' | 'uploadedBy'>> &
  Pick<Schemas['AttachmentView'], 'width' | 'height' | 'uploadedBy'>;
export type MessageView = Required<Omit<Schemas['MessageView'], 'author' | 'body' | 'attachments'>> &
  Pick<Schemas['MessageView'], 'author' | 'body'> & { attachments: AttachmentView[] };
export type Mentionable = Required<Schemas['Mentionable']>;
export type Visibility = 'INTERNAL' | 'PUBLIC';

export interface NewMessage {
  body?: string;
  visibility?: Visibility;
  attachmentIds: number[];
  mentions: string[];
}

const ticketPath = (ticketId: number | string) => `/tickets/${ticketId}`;

export const conversationApi = {
  messages: (ticketId: number | string) => api.get<MessageView[]>(`${ticketPath(ticketId)}/conversation`),
  attachments: (ticketId: number | string) => api.get<AttachmentView[]>(`${ticketPath(ticketId)}/attachments`),
  mentionable: (ticketId: number | string) =>
    api.get<Mentionable[]>('/mentionable-users', { ticketId: String(ticketId) }),
  post: (ticketId: number | string, message: NewMessage, idempotencyKey: string) =>
    request<MessageView>(`${ticketPath(ticketId)}/conversation`, {
      method: 'POST',
      body: message,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  upload: (ticketId: number | string, file: File, visibility: Visibility | undefined, idempotencyKey: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (visibility) form.append('visibility', visibility);
    return postForm<AttachmentView>(`${ticketPath(ticketId)}/attachments`, form, { 'Idempotency-Key': idempotencyKey });
  },
  file: (ticketId: number | string, attachmentId: number) =>
    getBlob(`${ticketPath(ticketId)}/attachments/${attachmentId}`),
  thumbnail: (ticketId: number | string, attachmentId: number) =>
    getBlob(`${ticketPath(ticketId)}/attachments/${attachmentId}/thumbnail`),
};

export const conversationKeys = {
  messages: (ticketId: number | string) => ['conversation', String(ticketId)] as const,
  attachments: (ticketId: number | string) => ['attachments', String(ticketId)] as const,
  mentionable: (ticketId: number | string) => ['mentionable', String(ticketId)] as const,
};

/** A size for people: 512 B, 14 KB, 2.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The user names mentioned as @name in a text that are among the known colleagues, each once. */
export function mentionsIn(body: string, known: readonly string[]): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(/(^|[^\w@])@([\w.-]+)/g)) {
    const name = match[2].replace(/[.-]+$/, '');
    if (known.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** A fresh Idempotency-Key (a retry of the same send reuses it). */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
