import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { AttachmentView, MessageView } from './api';
import { formatSize, mentionsIn } from './api';
import { ConversationPanel } from './ConversationPanel';

const SLOW = { timeout: 10_000 };

const photo: AttachmentView = {
  id: 5,
  ticketId: 12,
  fileName: 'camera.jpg',
  contentType: 'image/jpeg',
  size: 180_000,
  kind: 'PHOTO',
  visibility: 'PUBLIC',
  width: 1600,
  height: 1200,
  hasThumbnail: true,
  uploadedBy: 'engineer',
  uploadedByName: 'Li Gong',
  uploadedAt: '2026-03-10T02:00:00Z',
};

const pdf: AttachmentView = {
  ...photo,
  id: 6,
  fileName: 'report.pdf',
  contentType: 'application/pdf',
  size: 2 * 1024 * 1024,
  kind: 'FILE',
  hasThumbnail: false,
  width: undefined,
  height: undefined,
};

const internalNote: MessageView = {
  id: 1,
  body: 'Bring a spare PSU',
  visibility: 'INTERNAL',
  author: 'desk',
  authorName: 'Zhang Desk',
  authorIsCustomer: false,
  createdAt: '2026-03-10T01:00:00Z',
  mentions: ['engineer'],
  attachments: [],
};

const customerReply: MessageView = {
  id: 2,
  body: 'The gate opens at 9:00',
  visibility: 'PUBLIC',
  author: 'customer',
  authorName: 'Wang Fang',
  authorIsCustomer: true,
  createdAt: '2026-03-10T01:10:00Z',
  mentions: [],
  attachments: [],
};

const staffReply: MessageView = {
  id: 3,
  body: 'Fixed, see photo and report',
  visibility: 'PUBLIC',
  author: 'engineer',
  authorName: 'Li Gong',
  authorIsCustomer: false,
  createdAt: '2026-03-10T03:00:00Z',
  mentions: [],
  attachments: [photo, pdf],
};

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

interface Options {
  messages?: MessageView[];
  upload?: () => Promise<Response>;
}

function mockApi({ messages = [internalNote, customerReply, staffReply], upload }: Options = {}) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method === 'GET' && url === 'api/tickets/12/conversation') return json(messages);
    if (method === 'GET' && url === 'api/tickets/12/attachments') return json([photo, pdf]);
    if (method === 'GET' && url.startsWith('api/mentionable-users'))
      return json([
        { username: 'engineer', displayName: 'Li Gong' },
        { username: 'engineer2', displayName: 'Zhao Gong' },
      ]);
    if (method === 'GET' && url.startsWith('api/tickets/12/attachments/'))
      return Promise.resolve(new Response(new Blob(['jpeg-bytes'], { type: 'image/jpeg' }), { status: 200 }));
    if (method === 'POST' && url === 'api/tickets/12/attachments')
      return upload ? upload() : json({ ...photo, id: 40, fileName: 'new.jpg', visibility: 'INTERNAL' }, 201);
    if (method === 'POST' && url === 'api/tickets/12/conversation') return json({ ...internalNote, id: 99 }, 201);
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof mockApi>, url: string) =>
  fetchMock.mock.calls.filter(([u, init]) => String(u) === url && init?.method === 'POST');

const renderPanel = (staff: boolean) =>
  render(
    <App>
      <ConversationPanel ticketId={12} staff={staff} />
    </App>,
  );

describe('ConversationPanel', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:thumb');
    URL.revokeObjectURL = vi.fn();
    return i18n.changeLanguage('zh');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    return i18n.changeLanguage('en');
  });

  it('marks internal notes and customer replies, shows thumbnails and file chips with their size', async () => {
    mockApi();
    renderPanel(true);
    const items = await screen.findAllByTestId('conversation-message', {}, SLOW);
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByTestId('internal-tag').textContent).toContain('内部备注');
    expect(items[0].getAttribute('data-visibility')).toBe('INTERNAL');
    expect(within(items[1]).getByTestId('customer-tag').textContent).toContain('客户回复');
    expect(within(items[1]).queryByTestId('internal-tag')).toBeNull();
    expect(within(items[2]).getByTestId('attachment-chip').textContent).toContain('report.pdf · 2.0 MB');
    const thumb = within(items[2]).getByTestId('attachment-thumbnail');
    await waitFor(() => expect(within(thumb).getByRole('img').getAttribute('src')).toBe('blob:thumb'));
    fireEvent.click(thumb);
    expect((await screen.findByTestId('attachment-full-image', {}, SLOW)).getAttribute('src')).toBe('blob:thumb');
    // the camera button takes a photo with the back camera
    const camera = screen.getByTestId('camera-input');
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(screen.getByTestId('take-photo').textContent).toContain('拍照');
    expect(screen.getByTestId('attach-file').textContent).toContain('文件');
  });

  it('sends an internal note by default with the mentioned colleagues and an Idempotency-Key', async () => {
    const fetchMock = mockApi();
    renderPanel(true);
    await screen.findAllByTestId('conversation-message', {}, SLOW);
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/mentionable-users'))).toBe(true),
    );
    fireEvent.change(screen.getByRole('textbox', { name: '消息' }), {
      target: { value: '@engineer2 please bring a PSU @nobody' },
    });
    fireEvent.click(screen.getByTestId('conversation-send'));
    await waitFor(() => expect(posts(fetchMock, 'api/tickets/12/conversation')).toHaveLength(1));
    const [, init] = posts(fetchMock, 'api/tickets/12/conversation')[0];
    expect(JSON.parse(String(init!.body))).toEqual({
      body: '@engineer2 please bring a PSU @nobody',
      visibility: 'INTERNAL',
      attachmentIds: [],
      mentions: ['engineer2'],
    });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();

    fireEvent.click(screen.getByTestId('visibility-public'));
    fireEvent.change(screen.getByRole('textbox', { name: '消息' }), { target: { value: 'We come at 10' } });
    fireEvent.click(screen.getByTestId('conversation-send'));
    await waitFor(() => expect(posts(fetchMock, 'api/tickets/12/conversation')).toHaveLength(2));
    expect(JSON.parse(String(posts(fetchMock, 'api/tickets/12/conversation')[1][1]!.body)).visibility).toBe('PUBLIC');
  });

  it('uploads a photo and sends it with the message', async () => {
    const fetchMock = mockApi();
    renderPanel(true);
    await screen.findAllByTestId('conversation-message', {}, SLOW);
    const file = new File(['jpeg'], 'new.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('camera-input'), { target: { files: [file] } });
    expect(await screen.findByText(/new\.jpg · 176 KB/, {}, SLOW)).toBeTruthy();
    const [, uploadInit] = posts(fetchMock, 'api/tickets/12/attachments')[0];
    expect((uploadInit!.body as FormData).get('file')).toBeInstanceOf(File);
    expect((uploadInit!.body as FormData).get('visibility')).toBe('INTERNAL');
    fireEvent.click(screen.getByTestId('conversation-send'));
    await waitFor(() => expect(posts(fetchMock, 'api/tickets/12/conversation')).toHaveLength(1));
    expect(JSON.parse(String(posts(fetchMock, 'api/tickets/12/conversation')[0][1]!.body)).attachmentIds).toEqual([40]);
  });

  it('says in Chinese why a file was refused: too large (413) or not a type taken (415)', async () => {
    const answers = [
      json(
        { status: 413, title: 'Payload Too Large', errors: [{ field: 'file', message: 'larger than 10485760 bytes' }] },
        413,
      ),
      json({ status: 415, title: 'Unsupported Media Type', errors: [{ field: 'file', message: 'not taken' }] }, 415),
    ];
    mockApi({ upload: () => answers.shift()! });
    renderPanel(true);
    await screen.findAllByTestId('conversation-message', {}, SLOW);
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [new File(['x'], 'huge.mp4')] } });
    expect(await screen.findByText('“huge.mp4”太大，超过大小上限，无法上传。', {}, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [new File(['x'], 'setup.exe')] } });
    expect(await screen.findByText(/“setup\.exe”的文件类型不支持/, {}, SLOW)).toBeTruthy();
    expect((screen.getByTestId('conversation-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets a customer write public replies only, without mentions or a visibility toggle', async () => {
    const fetchMock = mockApi({ messages: [customerReply, staffReply] });
    renderPanel(false);
    const items = await screen.findAllByTestId('conversation-message', {}, SLOW);
    expect(within(items[0]).getByTestId('customer-tag').textContent).toContain('我方留言');
    expect(screen.queryByTestId('visibility-toggle')).toBeNull();
    expect(screen.queryByTestId('internal-tag')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: '消息' }), { target: { value: 'Thanks @engineer' } });
    fireEvent.click(screen.getByTestId('conversation-send'));
    await waitFor(() => expect(posts(fetchMock, 'api/tickets/12/conversation')).toHaveLength(1));
    expect(JSON.parse(String(posts(fetchMock, 'api/tickets/12/conversation')[0][1]!.body))).toEqual({
      body: 'Thanks @engineer',
      visibility: 'PUBLIC',
      attachmentIds: [],
      mentions: [],
    });
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/mentionable-users'))).toBe(false);
  });
});

describe('conversation helpers', () => {
  it('finds known @mentions once and formats sizes', () => {
    expect(mentionsIn('@desk and @engineer, again @engineer. mail a@b.cn', ['desk', 'engineer', 'b.cn'])).toEqual([
      'desk',
      'engineer',
    ]);
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(14 * 1024)).toBe('14 KB');
    expect(formatSize(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});
