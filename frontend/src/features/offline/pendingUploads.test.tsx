import 'fake-indexeddb/auto';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Task } from '../../api/types';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { TaskForm } from '../tasks';
import { discard, keep, listOutbox, replay } from './outbox';
import { discardUpload, keepUpload, listUploads, pendingKeysIn, resolvePending } from './pendingUploads';

const task: Task = {
  id: 't-photo',
  key: 'diagnosisReport',
  name: 'Diagnosis report',
  ticketId: 12,
  ticketNumber: 'INC-2026-000012',
  ticketTitle: 'Camera offline',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-03-10T01:00:00Z',
  formFields: [
    { id: 'diagnosis', label: 'Diagnosis', type: 'string', required: true },
    { id: 'photos', label: 'Photos', type: 'string', required: false, properties: { widget: 'photos' } },
  ],
};

const SLOW = { timeout: 10_000 };

const attachment = (id: number, kind: string, fileName: string) => ({ id, ticketId: 12, fileName, kind });

function formParts(init: RequestInit | undefined) {
  const form = init?.body as FormData;
  return { kind: form.get('kind'), fileName: (form.get('file') as File).name };
}

/** jsdom has no object URLs. */
function stubObjectUrls() {
  Object.assign(URL, { createObjectURL: () => 'blob:test/1', revokeObjectURL: () => undefined });
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
const noSignal = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

const keyOf = (init: RequestInit | undefined) => (init?.headers as Record<string, string>)['Idempotency-Key'];

/**
 * A server that stores an upload once per Idempotency-Key (as UploadAttachment does: the same key answers the
 * first attachment with 200) and counts completions.
 */
function server() {
  const byKey = new Map<string, number>();
  const stored: { id: number; fileName: string; bytes: number }[] = [];
  const completions: Record<string, unknown>[] = [];
  let next = 501;
  const fetchMock = vi.fn<Fetch>(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST' && url === 'api/tickets/12/attachments') {
      const key = keyOf(init);
      const known = byKey.get(key);
      if (known !== undefined) {
        return new Response(JSON.stringify(attachment(known, 'PHOTO', 'again')), { status: 200 });
      }
      const id = next++;
      byKey.set(key, id);
      const file = (init.body as FormData).get('file') as File;
      stored.push({ id, fileName: formParts(init).fileName as string, bytes: file.size });
      return new Response(JSON.stringify(attachment(id, formParts(init).kind as 'PHOTO', file.name)), { status: 201 });
    }
    if (init?.method === 'POST' && url === 'api/tasks/t-photo/complete') {
      completions.push(JSON.parse(init.body as string) as Record<string, unknown>);
      return new Response(null, { status: 204 });
    }
    return new Response(JSON.stringify({ status: 404 }), { status: 404 });
  });
  return { fetchMock, stored, completions };
}

const photo = (name: string, size = 3) => new File([new Uint8Array(size).fill(7)], name, { type: 'image/jpeg' });

beforeEach(async () => {
  authStore.set('Basic ZW5naW5lZXI6ZGVtbw==');
  stubObjectUrls();
  for (const i of await listOutbox()) await discard(i.key);
  for (const u of await listUploads()) await discardUpload(u.key);
});

afterEach(() => {
  authStore.clear();
  vi.unstubAllGlobals();
});

describe('photos and signatures without signal', () => {
  it('keeps a photo taken without signal, keeps the form, and on reconnect uploads it once, then completes with its real id', async () => {
    const offline = vi.fn<Fetch>(noSignal);
    vi.stubGlobal('fetch', offline);
    const onDone = vi.fn();
    render(
      <App>
        <TaskForm task={task} onDone={onDone} loadEngineers={() => Promise.resolve([])} />
      </App>,
    );
    fireEvent.change(screen.getByTestId('input-diagnosis'), { target: { value: '接头进水' } });
    fireEvent.change(screen.getByTestId('input-photos-file-input'), {
      target: { files: [photo('a.jpg', 5), photo('b.jpg', 9)] },
    });
    await waitFor(() => expect(screen.getAllByTestId('input-photos-kept')).toHaveLength(2), SLOW);
    const value = screen.getByTestId('input-photos').getAttribute('data-value') ?? '';
    expect(value.split(',')).toHaveLength(2);
    expect(value.split(',').every((p) => p.startsWith('pending:'))).toBe(true);
    const kept = await listUploads();
    expect(kept.map((u) => [u.fileName, u.kind, u.bytes.byteLength, u.ticketId])).toEqual([
      ['a.jpg', 'PHOTO', 5, 12],
      ['b.jpg', 'PHOTO', 9, 12],
    ]);
    // the key made for each photo is the one its first (failed) upload already carried
    const triedKeys = offline.mock.calls.map(([, init]) => keyOf(init));
    expect(new Set(triedKeys)).toEqual(new Set(kept.map((u) => u.key)));

    fireEvent.click(screen.getByTestId('complete-diagnosisReport'));
    expect(await screen.findByTestId('task-kept', undefined, SLOW)).toBeTruthy();
    const waiting = await listOutbox();
    expect(waiting).toHaveLength(1);
    expect(pendingKeysIn(waiting[0].values)).toEqual(kept.map((u) => u.key));

    // the signal returns
    const { fetchMock, stored, completions } = server();
    vi.stubGlobal('fetch', fetchMock);
    const report = await replay('');
    expect(report.sent).toHaveLength(1);
    expect(stored.map((s) => [s.id, s.fileName, s.bytes])).toEqual([
      [501, 'a.jpg', 5],
      [502, 'b.jpg', 9],
    ]);
    expect(completions).toEqual([{ diagnosis: '接头进水', photos: '501,502' }]);
    // uploads went first, the completion last
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toEqual([
      'api/tickets/12/attachments',
      'api/tickets/12/attachments',
      'api/tasks/t-photo/complete',
    ]);
    expect(await listUploads()).toEqual([]);
    expect(await listOutbox()).toEqual([]);

    // nothing sent twice
    await replay('');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('resends an upload whose answer was lost with the same key, so the server stores it once', async () => {
    const ref = await keepUpload({
      key: 'k-lost',
      ticketId: 12,
      fileName: 'c.jpg',
      kind: 'PHOTO',
      file: photo('c.jpg'),
      user: '',
    });
    await keep({
      key: 'form-1',
      taskId: 't-photo',
      taskKey: 'diagnosisReport',
      ticketId: 12,
      user: '',
      values: { diagnosis: 'x', photos: ref },
      createdAt: 1,
    });
    const { fetchMock, stored, completions } = server();
    // the upload reaches the server, but its answer is lost on the way back
    let lose = true;
    vi.stubGlobal(
      'fetch',
      vi.fn<Fetch>(async (input, init) => {
        const answer = await fetchMock(input, init);
        if (lose && String(input).endsWith('/attachments')) {
          lose = false;
          throw new TypeError('Failed to fetch');
        }
        return answer;
      }),
    );
    expect((await replay('')).stillWaiting).toBe(1);
    expect(completions).toEqual([]);
    expect(await replay('')).toMatchObject({ stillWaiting: 0 });
    const uploadKeys = fetchMock.mock.calls
      .filter(([u]) => String(u).endsWith('/attachments'))
      .map(([, i]) => keyOf(i));
    expect(uploadKeys).toEqual(['k-lost', 'k-lost']);
    expect(stored).toHaveLength(1);
    expect(completions).toEqual([{ diagnosis: 'x', photos: '501' }]);
  });

  it('a kept signature becomes the long attachment id; a form whose file is gone is kept, marked, never sent', async () => {
    const ref = await keepUpload({
      key: 'k-sig',
      ticketId: 12,
      fileName: 'signature.png',
      kind: 'SIGNATURE',
      file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
      user: '',
    });
    const sent: string[] = [];
    const values = await resolvePending({ testerName: '李工', signatureAttachmentId: ref, photos: '7' }, async (u) => {
      sent.push(`${u.kind}:${u.contentType}:${u.key}`);
      return { id: 88 };
    });
    expect(values).toEqual({ testerName: '李工', signatureAttachmentId: 88, photos: '7' });
    expect(sent).toEqual(['SIGNATURE:image/png:k-sig']);
    // resolved once: a second resolve (the completion's answer was lost) uploads nothing again
    await resolvePending({ signatureAttachmentId: ref }, () => Promise.reject(new Error('must not upload')));

    await keep({
      key: 'form-gone',
      taskId: 't-photo',
      taskKey: 'confirmCompletion',
      ticketId: 12,
      user: '',
      values: { signatureAttachmentId: 'pending:cleared' },
      createdAt: 1,
    });
    const fetchMock = vi.fn<Fetch>(noSignal);
    vi.stubGlobal('fetch', fetchMock);
    const report = await replay('');
    expect(report.refused.map((i) => [i.key, i.refused?.status])).toEqual([['form-gone', 410]]);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
