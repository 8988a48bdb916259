// Test helpers of the field-step widgets (used by the *.test.tsx files only).
import { vi } from 'vitest';

export const SLOW = { timeout: 10_000 };

export const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

export const attachment = (id: number, kind: 'PHOTO' | 'SIGNATURE', fileName: string) => ({
  id,
  ticketId: 12,
  fileName,
  contentType: 'image/png',
  size: 1234,
  kind,
  visibility: 'PUBLIC',
  hasThumbnail: kind === 'PHOTO',
  uploadedBy: 'engineer',
  uploadedByName: 'Engineer',
  uploadedAt: '2026-03-10T02:00:00Z',
});

/** jsdom has no object URLs: each blob gets a distinct fake one, and revocations are recorded. */
export function stubObjectUrls() {
  let n = 0;
  const created = vi.fn((_blob: Blob) => `blob:test/${++n}`);
  const revoked = vi.fn((_url: string) => {});
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
  return { created, revoked };
}

/** The parts of a multipart body a test looks at. */
export function formParts(init: RequestInit | undefined) {
  const form = init?.body as FormData;
  const file = form.get('file') as File;
  return { kind: form.get('kind'), visibility: form.get('visibility'), fileName: file?.name, type: file?.type };
}
