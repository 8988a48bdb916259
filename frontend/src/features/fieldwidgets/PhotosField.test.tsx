import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Task } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { TaskForm } from '../tasks';
import { attachment, formParts, json, SLOW, stubObjectUrls } from './testSupport';

const task: Task = {
  id: 't7',
  key: 'diagnosisReport',
  name: 'Diagnosis report',
  ticketId: 12,
  ticketNumber: 'INC-2026-000012',
  ticketTitle: 'Camera offline',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-03-10T01:00:00Z',
  formFields: [{ id: 'sitePhotos', label: 'Photos', type: 'string', required: true, properties: { widget: 'photos' } }],
};

const photo = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/jpeg' });

function renderForm(onDone = vi.fn()) {
  render(
    <App>
      <TaskForm task={task} onDone={onDone} loadEngineers={() => Promise.resolve([])} />
    </App>,
  );
  return onDone;
}

/** Uploads answer ids 101, 102, ... in turn, or the given failure; thumbnails answer a JPEG. */
function mockApi(failure?: { status: number }) {
  let next = 101;
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST' && url === 'api/tickets/12/attachments') {
      if (failure)
        return json(
          { status: failure.status, title: 'refused', errors: [{ field: 'file', message: 'x' }] },
          failure.status,
        );
      const name = (formParts(init).fileName ?? '') as string;
      return json(attachment(next++, 'PHOTO', name), 201);
    }
    if (/^api\/tickets\/12\/attachments\/\d+\/thumbnail$/.test(url))
      return Promise.resolve(new Response(new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' })));
    if (init?.method === 'POST' && url === 'api/tasks/t7/complete')
      return Promise.resolve(new Response(null, { status: 204 }));
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof mockApi>, url: string) =>
  fetchMock.mock.calls.filter(([u, init]) => String(u) === url && init?.method === 'POST');

describe('photos widget in a task form', () => {
  beforeEach(() => {
    authStore.set('Basic ZW5naW5lZXI6ZGVtbw==');
    stubObjectUrls();
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('offers the camera and the album, uploads each photo at once and posts the ids', async () => {
    const fetchMock = mockApi();
    const onDone = renderForm();

    const camera = screen.getByTestId('input-sitePhotos-camera-input');
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(camera.hasAttribute('multiple')).toBe(true);
    expect(screen.getByText('Take photo')).toBeTruthy();
    expect(screen.getByText('From album / files')).toBeTruthy();

    // required: no photo, no completion
    fireEvent.click(screen.getByTestId('complete-diagnosisReport'));
    expect(await screen.findByText('Please choose Photos.', undefined, SLOW)).toBeTruthy();

    fireEvent.change(camera, { target: { files: [photo('a.jpg')] } });
    fireEvent.change(screen.getByTestId('input-sitePhotos-file-input'), {
      target: { files: [photo('b.jpg'), photo('c.jpg')] },
    });

    await waitFor(
      () => expect(screen.getByTestId('input-sitePhotos').getAttribute('data-value')).toBe('101,102,103'),
      SLOW,
    );
    const uploads = posts(fetchMock, 'api/tickets/12/attachments');
    expect(uploads).toHaveLength(3);
    for (const [, init] of uploads) {
      expect(formParts(init)).toMatchObject({ kind: 'PHOTO', visibility: 'PUBLIC' });
      expect((init?.headers as Record<string, string>).Authorization).toBe('Basic ZW5naW5lZXI6ZGVtbw==');
    }

    // thumbnails come through authenticated GETs and object URLs
    await waitFor(
      () =>
        expect(screen.getAllByTestId('input-sitePhotos-thumb').map((img) => img.getAttribute('data-state'))).toEqual([
          'loaded',
          'loaded',
          'loaded',
        ]),
      SLOW,
    );
    const thumbCall = fetchMock.mock.calls.find(([u]) => String(u) === 'api/tickets/12/attachments/102/thumbnail')!;
    expect((thumbCall[1]?.headers as Record<string, string>).Authorization).toBe('Basic ZW5naW5lZXI6ZGVtbw==');
    expect(screen.getAllByTestId('input-sitePhotos-thumb')[0].getAttribute('src')).toMatch(/^blob:/);

    // remove the second photo
    const items = screen.getAllByTestId('input-sitePhotos-item');
    fireEvent.click(within(items[1]).getByTestId('input-sitePhotos-remove'));
    await waitFor(
      () => expect(screen.getByTestId('input-sitePhotos').getAttribute('data-value')).toBe('101,103'),
      SLOW,
    );

    fireEvent.click(screen.getByTestId('complete-diagnosisReport'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    const [, init] = posts(fetchMock, 'api/tasks/t7/complete')[0];
    expect(JSON.parse(String(init?.body))).toEqual({ sitePhotos: '101,103' });
  });

  it('does not complete while a photo is still uploading', async () => {
    const fetchMock = mockApi();
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const answer = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/attachments')) await slow;
      return answer(input, init);
    });
    const onDone = renderForm();

    fireEvent.change(screen.getByTestId('input-sitePhotos-camera-input'), { target: { files: [photo('a.jpg')] } });
    expect(await screen.findByTestId('input-sitePhotos-uploading', undefined, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByTestId('complete-diagnosisReport'));
    expect(await screen.findByText('A photo is still uploading. Please wait a moment.', undefined, SLOW)).toBeTruthy();
    expect(posts(fetchMock, 'api/tasks/t7/complete')).toHaveLength(0);

    release();
    await waitFor(() => expect(screen.getByTestId('input-sitePhotos').getAttribute('data-value')).toBe('101'), SLOW);
    fireEvent.click(screen.getByTestId('complete-diagnosisReport'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    expect(JSON.parse(String(posts(fetchMock, 'api/tasks/t7/complete')[0][1]?.body))).toEqual({ sitePhotos: '101' });
  });

  it.each([
    [413, '文件太大'],
    [415, '不支持该文件类型'],
  ])('explains a %i in Chinese and adds no id', async (status, text) => {
    await i18n.changeLanguage('zh');
    mockApi({ status });
    renderForm();
    expect(screen.getByText('拍照')).toBeTruthy();
    expect(screen.getByText('从相册/文件选择')).toBeTruthy();
    fireEvent.change(screen.getByTestId('input-sitePhotos-file-input'), { target: { files: [photo('huge.jpg')] } });
    const item = await screen.findByText(/huge\.jpg 未上传/, undefined, SLOW);
    expect(item.textContent).toContain(text);
    expect(screen.getByTestId('input-sitePhotos').getAttribute('data-value')).toBe('');
  });
});
