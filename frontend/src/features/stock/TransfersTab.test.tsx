import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { StockTransferView } from './api';
import { StockPage } from './StockPage';

// antd tables, selects and modals: slow on a loaded CI machine
const SLOW = { timeout: 60_000 };
const TEST_TIMEOUT = 90_000;

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
const problem = (status: number, body: object) =>
  json({ type: 'about:blank', title: 'Error', status, ...body }, status);

const warehouses = [
  { id: 1, code: 'SP-01', name: '服务点备件库' },
  { id: 2, code: 'SP-02', name: '县级备件库' },
];

const parts = [
  {
    id: 1,
    partNumber: 'PSU-12V2A',
    name: '电源适配器',
    model: '12V 2A',
    unit: '个',
    alarmLevel: 1,
    onHand: 5,
    atAlarm: false,
    staleQuantity: 0,
    batches: [
      { id: 11, warehouseId: 1, remaining: 3 },
      { id: 12, warehouseId: 2, remaining: 2 },
    ].map((b) => ({
      ...b,
      partId: 1,
      partNumber: 'PSU-12V2A',
      partName: '电源适配器',
      unit: '个',
      warehouseCode: `SP-0${b.warehouseId}`,
      receivedOn: '2026-11-22',
      quantity: b.remaining,
      unitCost: null,
      stale: false,
      ageDays: 12,
    })),
  },
];

/** DB-000012 in transit from the service point to the county, and DB-000011 received back at the service point. */
function transfers(keeper: boolean): StockTransferView[] {
  return [
    {
      id: 12,
      number: 'DB-000012',
      partId: 1,
      partNumber: 'PSU-12V2A',
      partName: '电源适配器',
      fromWarehouseId: 1,
      fromWarehouseName: '服务点备件库',
      toWarehouseId: 2,
      toWarehouseName: '县级备件库',
      quantity: 3,
      status: 'IN_TRANSIT',
      note: '支援县级服务点',
      shippedBy: 'keeper',
      shippedByName: '张库管',
      shippedAt: '2026-12-04T02:00:00Z', // 10:00 in Beijing
      receivedBy: null,
      receivedByName: null,
      receivedAt: null,
      receiveNote: null,
      cancelledBy: null,
      cancelledByName: null,
      cancelledAt: null,
      cancelReason: null,
      lines: [
        { receivedOn: '2026-09-20', quantity: 2, unitCost: 12.5 },
        { receivedOn: '2026-11-22', quantity: 1, unitCost: null },
      ],
      canReceive: keeper,
      canCancel: keeper,
    },
    {
      id: 11,
      number: 'DB-000011',
      partId: 1,
      partNumber: 'PSU-12V2A',
      partName: '电源适配器',
      fromWarehouseId: 2,
      fromWarehouseName: '县级备件库',
      toWarehouseId: 1,
      toWarehouseName: '服务点备件库',
      quantity: 1,
      status: 'RECEIVED',
      note: null,
      shippedBy: 'keeper2',
      shippedByName: '李库管',
      shippedAt: '2026-12-02T01:00:00Z',
      receivedBy: 'keeper',
      receivedByName: '张库管',
      receivedAt: '2026-12-03T08:30:00Z', // 16:30 in Beijing
      receiveNote: '外包装完好',
      cancelledBy: null,
      cancelledByName: null,
      cancelledAt: null,
      cancelReason: null,
      lines: [{ receivedOn: '2026-10-08', quantity: 1, unitCost: 30 }],
      canReceive: false,
      canCancel: false,
    },
  ];
}

/** DB-000010, shipped by mistake to the county and withdrawn: its parts back at the service point. */
function withdrawnTransfer(): StockTransferView {
  return {
    ...transfers(true)[0],
    id: 10,
    number: 'DB-000010',
    quantity: 2,
    status: 'CANCELLED',
    note: null,
    shippedAt: '2026-12-01T01:00:00Z',
    cancelledBy: 'keeper2',
    cancelledByName: '李库管',
    cancelledAt: '2026-12-01T06:15:00Z', // 14:15 in Beijing
    cancelReason: '调错了仓库',
    lines: [{ receivedOn: '2026-09-20', quantity: 2, unitCost: 12.5 }],
    canReceive: false,
    canCancel: false,
  };
}

type Handler = (init: RequestInit) => Promise<Response>;

function mockApi(
  roles: Role[],
  options: { list?: StockTransferView[]; ship?: Handler; receive?: Handler; cancel?: Handler } = {},
): ReturnType<typeof vi.fn> {
  const keeper = roles.includes('SUPERVISOR') || roles.includes('ADMIN');
  const list = options.list ?? transfers(keeper);
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'keeper', displayName: '张库管', roles });
    if (url === 'api/stock/parts') return json(parts);
    if (url === 'api/stock/warehouses') return json(warehouses);
    if (url === 'api/stock/transfers' && init?.method === 'POST')
      return options.ship ? options.ship(init) : json({ ...list[0], id: 13, number: 'DB-000013' }, 201);
    if (url === 'api/stock/transfers/12/receive' && init?.method === 'POST')
      return options.receive
        ? options.receive(init)
        : json({ ...list[0], status: 'RECEIVED', canReceive: false, receivedAt: '2026-12-05T01:00:00Z' });
    if (url === 'api/stock/transfers/12/cancel' && init?.method === 'POST')
      return options.cancel
        ? options.cancel(init)
        : json({
            ...list[0],
            status: 'CANCELLED',
            canReceive: false,
            canCancel: false,
            cancelledBy: 'keeper',
            cancelledByName: '张库管',
            cancelledAt: '2026-12-05T01:00:00Z',
            cancelReason: JSON.parse(String(init.body)).reason,
          });
    if (url.startsWith('api/stock/transfers')) {
      const status = new URL(url, 'http://x/').searchParams.get('status');
      return json(status ? list.filter((t) => t.status === status) : list);
    }
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof vi.fn>, url: string) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u) === url && (i as RequestInit | undefined)?.method === 'POST');

/** The list reads (any status) so far. */
const listReads = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.filter(
    ([u, i]) => /^api\/stock\/transfers(\?|$)/.test(String(u)) && (i as RequestInit | undefined)?.method !== 'POST',
  ).length;

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderTab() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/stock?tab=transfers']}>
          <Routes>
            <Route
              path="/stock"
              element={
                <SignedIn>
                  <StockPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

/** The text field (input or text area) a test id names, whether the id sits on it or on its wrapper. */
function field(testId: string): HTMLInputElement {
  const el = screen.getByTestId(testId);
  return (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement;
}

/** Opens an antd select by its test id and picks the option with this text. */
async function pick(testId: string, option: string) {
  fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' }, SLOW);
  fireEvent.click(options[options.length - 1]);
}

/** The form item (label, control, errors) around a control. */
const fieldOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

/** A keeper opens 新建调拨 and fills it in: 2 of PSU-12V2A from the service point to the county. */
async function fillShipForm() {
  fireEvent.click(await screen.findByTestId('transfer-ship', undefined, SLOW));
  await screen.findByTestId('transfer-ship-modal', undefined, SLOW);
  await pick('transfer-part', 'PSU-12V2A 电源适配器（结存 5 个）');
  await pick('transfer-from', 'SP-01 服务点备件库');
  await pick('transfer-to', 'SP-02 县级备件库');
  fireEvent.change(field('transfer-quantity'), { target: { value: '2' } });
  fireEvent.change(field('transfer-note'), { target: { value: '支援县级服务点' } });
}

describe('the transfers tab', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    resetViewport();
    await i18n.changeLanguage('en');
  });

  it(
    'lists the transfers in Chinese, Beijing time, each with its batches',
    async () => {
      mockApi(['SUPERVISOR']);
      renderTab();
      const list = await screen.findByTestId('transfer-list', undefined, SLOW);
      await waitFor(() => expect(list.textContent).toContain('DB-000012'), SLOW);
      expect(screen.getByRole('tab', { name: '调拨' })).toBeTruthy();
      expect(screen.getByTestId('transfer-status-12').textContent).toBe('在途');
      expect(screen.getByTestId('transfer-status-11').textContent).toBe('已接收');
      const text = list.textContent ?? '';
      for (const heading of [
        '调拨单号',
        '备件',
        '调出仓库 → 调入仓库',
        '数量',
        '状态',
        '调出人/时间',
        '接收人/时间',
        '说明',
      ])
        expect(text).toContain(heading);
      expect(text).toContain('PSU-12V2A 电源适配器');
      expect(text).toContain('服务点备件库 → 县级备件库');
      expect(text).toContain('张库管2026-12-04 10:00');
      expect(text).toContain('2026-12-03 16:30');
      expect(text).toContain('未接收');
      expect(text).toContain('支援县级服务点');
      expect(text).toContain('接收说明：外包装完好');
      // no code reaches the reader
      for (const code of ['IN_TRANSIT', 'RECEIVED', 'keeper', 'null', 'undefined']) expect(text).not.toContain(code);

      const row = screen.getByTestId('transfer-row-12');
      fireEvent.click(row.querySelector('.ant-table-row-expand-icon')!);
      const lines = await screen.findByTestId('transfer-lines-12', undefined, SLOW);
      expect(lines.textContent).toContain('调出批次（先入在前）');
      expect(lines.textContent).toContain('批次入库日期');
      expect(lines.textContent).toContain('单价');
      expect(lines.textContent).toContain('2026-09-20');
      expect(lines.textContent).toContain('¥12.50');
      expect(lines.textContent).toContain('未记录');
    },
    TEST_TIMEOUT,
  );

  it(
    'lets a keeper ship: the body as filled in, the source not offered as target, one request for two clicks',
    async () => {
      let answer: (r: Response) => void = () => {};
      const fetchMock = mockApi(['SUPERVISOR'], {
        // the server takes its time: the second click comes while the first is on its way
        ship: () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      });
      renderTab();
      await fillShipForm();
      // what the chosen source holds of the part
      await waitFor(() => expect(fieldOf('transfer-quantity').textContent).toContain('调出仓库现有 3 个'), SLOW);
      // the source is greyed out in the target's list
      fireEvent.mouseDown(screen.getByTestId('transfer-to').querySelector('.ant-select-selector')!);
      // (the last of the open lists is the target's)
      const source = await screen.findAllByText('SP-01 服务点备件库', { selector: '.ant-select-item-option-content' });
      expect(source[source.length - 1].closest('.ant-select-item-option')!.className).toContain(
        'ant-select-item-option-disabled',
      );

      fireEvent.click(screen.getByTestId('transfer-ship-ok'));
      fireEvent.click(screen.getByTestId('transfer-ship-ok'));
      await waitFor(() => expect(posts(fetchMock, 'api/stock/transfers')).toHaveLength(1), SLOW);
      expect((posts(fetchMock, 'api/stock/transfers')[0][1] as RequestInit).body).toBe(
        JSON.stringify({ partId: 1, fromWarehouseId: 1, toWarehouseId: 2, quantity: 2, note: '支援县级服务点' }),
      );
      answer(
        new Response(JSON.stringify({ ...transfers(true)[0], id: 13, number: 'DB-000013' }), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
      expect(await screen.findByText('已调出 DB-000013，在途', undefined, SLOW)).toBeTruthy();
      await waitFor(() => expect(screen.queryByTestId('transfer-ship-modal')).toBeNull(), SLOW);
      expect(posts(fetchMock, 'api/stock/transfers')).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'checks the quantity, then shows the server’s field error on its field and a 409’s own sentence',
    async () => {
      const answers = [
        () => problem(400, { errors: [{ field: 'toWarehouseId', message: '调入仓库不存在' }] }),
        () =>
          problem(409, {
            reason: 'notEnoughStockToTransfer',
            params: { part: 'PSU-12V2A', warehouse: '中心库', available: 1, wanted: 2 },
            detail: '备件 PSU-12V2A 在调出仓库只有 1 个，不够调出 2 个',
          }),
      ];
      const fetchMock = mockApi(['ADMIN'], { ship: () => answers.shift()!() });
      renderTab();
      await fillShipForm();

      fireEvent.change(field('transfer-quantity'), { target: { value: '2000000' } });
      fireEvent.click(screen.getByTestId('transfer-ship-ok'));
      await waitFor(
        () => expect(fieldOf('transfer-quantity').textContent).toContain('数量须在 1 到 1000000 之间。'),
        SLOW,
      );
      expect(posts(fetchMock, 'api/stock/transfers')).toHaveLength(0);

      fireEvent.change(field('transfer-quantity'), { target: { value: '2' } });
      fireEvent.click(screen.getByTestId('transfer-ship-ok'));
      await waitFor(() => expect(fieldOf('transfer-to').textContent).toContain('调入仓库不存在'), SLOW);
      expect(screen.queryByTestId('transfer-ship-error')).toBeNull();

      fireEvent.click(screen.getByTestId('transfer-ship-ok'));
      expect((await screen.findByTestId('transfer-ship-error', undefined, SLOW)).textContent).toBe(
        '备件 PSU-12V2A 在调出仓库只有 1 个，不够调出 2 个',
      );
      expect(posts(fetchMock, 'api/stock/transfers')).toHaveLength(2);
      // the modal stays open with what was filled in
      expect(field('transfer-note').value).toBe('支援县级服务点');
    },
    TEST_TIMEOUT,
  );

  it(
    'offers 确认接收 only on a transfer the keeper may receive, and sends the note',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR']);
      renderTab();
      fireEvent.click(await screen.findByTestId('transfer-receive-12', undefined, SLOW));
      expect(screen.queryByTestId('transfer-receive-11')).toBeNull();
      const modal = await screen.findByTestId('transfer-receive-modal', undefined, SLOW);
      expect(modal.textContent).toContain('确认接收 DB-000012');
      expect(modal.textContent).toContain('PSU-12V2A 电源适配器 ×3，从 服务点备件库 调入 县级备件库');
      fireEvent.change(field('transfer-receive-note'), { target: { value: '外包装完好' } });
      fireEvent.click(screen.getByTestId('transfer-receive-ok'));
      await waitFor(() => expect(posts(fetchMock, 'api/stock/transfers/12/receive')).toHaveLength(1), SLOW);
      expect((posts(fetchMock, 'api/stock/transfers/12/receive')[0][1] as RequestInit).body).toBe(
        JSON.stringify({ note: '外包装完好' }),
      );
      expect(await screen.findByText('已接收 DB-000012', undefined, SLOW)).toBeTruthy();
      await waitFor(() => expect(screen.queryByTestId('transfer-receive-modal')).toBeNull(), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s sentence when someone received the transfer first',
    async () => {
      mockApi(['SUPERVISOR'], {
        receive: () => problem(409, { reason: 'transferReceived', detail: '调拨单 DB-000012 已经接收' }),
      });
      renderTab();
      fireEvent.click(await screen.findByTestId('transfer-receive-12', undefined, SLOW));
      await screen.findByTestId('transfer-receive-modal', undefined, SLOW);
      fireEvent.click(screen.getByTestId('transfer-receive-ok'));
      expect((await screen.findByTestId('transfer-receive-error', undefined, SLOW)).textContent).toBe(
        '调拨单 DB-000012 已经接收',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'offers 撤回 only on a transfer the keeper may withdraw',
    async () => {
      // DB-000012 may be received here but not withdrawn (canCancel false), DB-000011 neither
      const [inTransit, received] = transfers(true);
      mockApi(['SUPERVISOR'], { list: [{ ...inTransit, canCancel: false }, received] });
      renderTab();
      expect(await screen.findByTestId('transfer-receive-12', undefined, SLOW)).toBeTruthy();
      expect(screen.queryByTestId('transfer-withdraw-12')).toBeNull();
      expect(screen.queryByTestId('transfer-withdraw-11')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'withdraws a transfer in transit: refuses an empty reason without a request, then sends the reason',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR']);
      renderTab();
      const button = await screen.findByTestId('transfer-withdraw-12', undefined, SLOW);
      expect(button.textContent?.replace(/\s/g, '')).toBe('撤回');
      expect(screen.queryByTestId('transfer-withdraw-11')).toBeNull();
      fireEvent.click(button);
      const modal = await screen.findByTestId('transfer-withdraw-modal', undefined, SLOW);
      expect(modal.textContent).toContain('撤回调拨单 DB-000012');
      expect(modal.textContent).toContain('PSU-12V2A 电源适配器 ×3 退回 服务点备件库，各批次保留原入库日期');

      // no reason, then nothing but spaces: refused on the form, nothing sent
      fireEvent.click(screen.getByTestId('transfer-withdraw-ok'));
      await waitFor(() => expect(fieldOf('transfer-withdraw-reason').textContent).toContain('请填写撤回原因。'), SLOW);
      expect(posts(fetchMock, 'api/stock/transfers/12/cancel')).toHaveLength(0);
      fireEvent.change(field('transfer-withdraw-reason'), { target: { value: '   ' } });
      fireEvent.click(screen.getByTestId('transfer-withdraw-ok'));
      await waitFor(() => expect(fieldOf('transfer-withdraw-reason').textContent).toContain('请填写撤回原因。'), SLOW);
      expect(posts(fetchMock, 'api/stock/transfers/12/cancel')).toHaveLength(0);

      fireEvent.change(field('transfer-withdraw-reason'), { target: { value: ' 调错了仓库 ' } });
      fireEvent.click(screen.getByTestId('transfer-withdraw-ok'));
      await waitFor(() => expect(posts(fetchMock, 'api/stock/transfers/12/cancel')).toHaveLength(1), SLOW);
      expect((posts(fetchMock, 'api/stock/transfers/12/cancel')[0][1] as RequestInit).body).toBe(
        JSON.stringify({ reason: '调错了仓库' }),
      );
      expect(await screen.findByText('调拨单 DB-000012 已撤回，备件已退回 服务点备件库', undefined, SLOW)).toBeTruthy();
      await waitFor(() => expect(screen.queryByTestId('transfer-withdraw-modal')).toBeNull(), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s sentence when someone received the transfer before it was withdrawn, and reads the list again',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR'], {
        cancel: () =>
          problem(409, {
            reason: 'transferReceived',
            params: { number: 'DB-000012' },
            detail: '调拨单 DB-000012 刚刚已被接收，不能再撤回',
          }),
      });
      renderTab();
      fireEvent.click(await screen.findByTestId('transfer-withdraw-12', undefined, SLOW));
      await screen.findByTestId('transfer-withdraw-modal', undefined, SLOW);
      fireEvent.change(field('transfer-withdraw-reason'), { target: { value: '调错了仓库' } });
      const readsBefore = listReads(fetchMock);
      fireEvent.click(screen.getByTestId('transfer-withdraw-ok'));
      expect((await screen.findByTestId('transfer-withdraw-error', undefined, SLOW)).textContent).toBe(
        '调拨单 DB-000012 刚刚已被接收，不能再撤回',
      );
      await waitFor(() => expect(listReads(fetchMock)).toBeGreaterThan(readsBefore), SLOW);
      // the modal stays open with the reason
      expect(field('transfer-withdraw-reason').value).toBe('调错了仓库');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a withdrawn transfer as 已撤回, with who withdrew it, when and why, and filters by it',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR'], { list: [...transfers(true), withdrawnTransfer()] });
      renderTab();
      const list = await screen.findByTestId('transfer-list', undefined, SLOW);
      await waitFor(() => expect(list.textContent).toContain('DB-000010'), SLOW);
      expect(screen.getByTestId('transfer-status-10').textContent).toBe('已撤回');
      expect(screen.getByTestId('transfer-withdrawn-10').textContent).toBe('已撤回李库管2026-12-01 14:15');
      expect(screen.getByTestId('transfer-cancel-reason-10').textContent).toBe('撤回原因：调错了仓库');
      const row = screen.getByTestId('transfer-row-10');
      expect(row.textContent).not.toContain('未接收');
      expect(screen.queryByTestId('transfer-withdraw-10')).toBeNull();
      expect(screen.queryByTestId('transfer-receive-10')).toBeNull();
      for (const code of ['CANCELLED', 'keeper2', 'null', 'undefined']) expect(list.textContent).not.toContain(code);

      fireEvent.click(within(screen.getByTestId('transfer-filter')).getByText('已撤回'));
      await waitFor(
        () =>
          expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/stock/transfers?status=CANCELLED')).toBe(true),
        SLOW,
      );
      await waitFor(() => expect(screen.getByTestId('transfer-list').textContent).not.toContain('DB-000012'), SLOW);
      expect(screen.getByTestId('transfer-list').textContent).toContain('DB-000010');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows an engineer the transfers without the ship or receive buttons',
    async () => {
      mockApi(['ENGINEER']);
      renderTab();
      const list = await screen.findByTestId('transfer-list', undefined, SLOW);
      await waitFor(() => expect(list.textContent).toContain('DB-000012'), SLOW);
      expect(screen.queryByTestId('transfer-ship')).toBeNull();
      expect(screen.queryByTestId('transfer-receive-12')).toBeNull();
      expect(screen.queryByTestId('transfer-withdraw-12')).toBeNull();
      expect(screen.queryByText('确认接收')).toBeNull();
      expect(screen.queryByText('新建调拨')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'says so when there are no transfers, and when none has the chosen status',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR'], { list: [] });
      renderTab();
      expect((await screen.findByTestId('transfer-empty', undefined, SLOW)).textContent).toBe(
        '还没有调拨单。点“新建调拨”把备件从一个仓库调到另一个仓库。',
      );
      fireEvent.click(within(screen.getByTestId('transfer-filter')).getByText('已接收'));
      await waitFor(
        () =>
          expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/stock/transfers?status=RECEIVED')).toBe(true),
        SLOW,
      );
      await waitFor(() => expect(screen.getByTestId('transfer-empty').textContent).toBe('没有该状态的调拨单。'), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows cards on a phone, each with its batches and its receive button, filtered by status',
    async () => {
      setViewportWidth(390);
      const fetchMock = mockApi(['SUPERVISOR']);
      renderTab();
      // the list is measured after the first paint: read it again once it is cards
      await waitFor(() => expect(screen.getByTestId('transfer-list').getAttribute('data-layout')).toBe('cards'), SLOW);
      const list = screen.getByTestId('transfer-list');
      await waitFor(() => expect(list.textContent).toContain('DB-000012 · PSU-12V2A 电源适配器'), SLOW);
      expect(list.querySelector('table')).toBeNull();
      expect(screen.getByTestId('transfer-lines-12').textContent).toContain('2026-09-20');
      expect(screen.getByTestId('transfer-receive-12')).toBeTruthy();
      expect(screen.getByTestId('transfer-withdraw-12').textContent?.replace(/\s/g, '')).toBe('撤回');
      fireEvent.click(within(screen.getByTestId('transfer-filter')).getByText('在途'));
      await waitFor(
        () =>
          expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/stock/transfers?status=IN_TRANSIT')).toBe(true),
        SLOW,
      );
      await waitFor(() => expect(screen.getByTestId('transfer-list').textContent).not.toContain('DB-000011'), SLOW);
    },
    TEST_TIMEOUT,
  );
});
