import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import {
  asked,
  fieldOf,
  itemView,
  json,
  mockApi,
  pick,
  problem,
  renderConfigItems,
  sentTo,
  SLOW,
  summary,
  TEST_TIMEOUT,
} from './testSupport';

const platform = summary();
const database = summary({
  id: 13,
  number: 'CI-000013',
  kind: 'SOFTWARE',
  name: '视频数据库',
  version: undefined,
  location: undefined,
  status: 'PLANNED',
  links: 0,
  usedBy: 0,
});
const link = summary({
  id: 20,
  number: 'CI-000020',
  customerId: 8,
  customerName: '示范县交警大队',
  kind: 'NETWORK',
  name: '公安专网链路',
  status: 'RETIRED',
  links: 1,
  usedBy: 3,
});

const CUSTOMERS = [
  { id: 7, name: '示范市公安局' },
  { id: 8, name: '示范县交警大队' },
];

/** The list as the server filters it: by unit, kind, status and text. */
function listApi(roles: Role[], all = [platform, database, link]) {
  return mockApi(roles, (url, init) => {
    if (url === 'api/customers') return json(roles.includes('CUSTOMER') ? [CUSTOMERS[0]] : CUSTOMERS);
    if (url.startsWith('api/config-items') && (init?.method ?? 'GET') === 'GET' && !/config-items\/\d/.test(url)) {
      const q = new URL(url, 'http://x/').searchParams;
      return json(
        all.filter(
          (c) =>
            (!q.get('customerId') || String(c.customerId) === q.get('customerId')) &&
            (!q.get('kind') || c.kind === q.get('kind')) &&
            (!q.get('status') || c.status === q.get('status')) &&
            (!q.get('q') || c.name.includes(q.get('q')!) || c.number.includes(q.get('q')!)),
        ),
      );
    }
    return undefined;
  });
}

const rowIds = () =>
  Array.from(document.querySelectorAll('[data-testid^="ci-row-"]')).map((r) => r.getAttribute('data-testid'));

describe('ConfigItemsPage', () => {
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
    'lists the items with Chinese kinds and statuses, their relation counts, and 登记配置项 for an engineer',
    async () => {
      listApi(['ENGINEER']);
      renderConfigItems('/config-items');
      expect((await screen.findByTestId('ci-status-12', undefined, SLOW)).textContent).toBe('运行中');
      expect(screen.getByTestId('ci-status-13').textContent).toBe('规划中');
      expect(screen.getByTestId('ci-status-20').textContent).toBe('已停用');
      expect(rowIds()).toEqual(['ci-row-12', 'ci-row-13', 'ci-row-20']);
      const row = screen.getByTestId('ci-row-12');
      for (const text of ['CI-000012', '视频监控平台', '应用系统', '2.2', '示范市公安局', '指挥中心机房']) {
        expect(row.textContent).toContain(text);
      }
      expect(screen.getByTestId('ci-row-13').textContent).toContain('平台软件');
      expect(screen.getByTestId('ci-row-20').textContent).toContain('网络链路');
      // 关系数: its own relations and the items that point at it
      expect(screen.getByTestId('ci-relations-12').textContent).toBe('3');
      expect(screen.getByTestId('ci-relations-20').textContent).toBe('4');
      expect(screen.getByTestId('ci-create').textContent).toContain('登记配置项');
      expect(screen.getByText('配置管理', { selector: 'h3' })).toBeTruthy();
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(/APPLICATION|SOFTWARE|IN_SERVICE|PLANNED|RETIRED|configItems\./);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks the server for the unit, kind, status and text chosen',
    async () => {
      const fetchMock = listApi(['SUPERVISOR']);
      renderConfigItems('/config-items');
      await screen.findByTestId('ci-row-20', undefined, SLOW);

      await pick('ci-filter-unit', '示范市公安局');
      await waitFor(() => expect(rowIds()).toEqual(['ci-row-12', 'ci-row-13']), SLOW);
      expect(asked(fetchMock)).toContain('api/config-items?customerId=7');

      await pick('ci-filter-kind', '平台软件');
      await waitFor(() => expect(rowIds()).toEqual(['ci-row-13']), SLOW);
      expect(asked(fetchMock)).toContain('api/config-items?customerId=7&kind=SOFTWARE');

      await pick('ci-filter-status', '运行中');
      expect(await screen.findByText('没有符合条件的配置项', undefined, SLOW)).toBeTruthy();
      expect(asked(fetchMock)).toContain('api/config-items?customerId=7&kind=SOFTWARE&status=IN_SERVICE');

      const search = within(screen.getByTestId('config-items-page')).getByPlaceholderText('搜索编号、名称、版本或位置');
      fireEvent.change(search, { target: { value: ' 数据库 ' } });
      fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
      await waitFor(
        () =>
          expect(asked(fetchMock)).toContain(
            `api/config-items?customerId=7&kind=SOFTWARE&status=IN_SERVICE&q=${encodeURIComponent('数据库')}`,
          ),
        SLOW,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'gives the service desk the list to read, without 登记配置项',
    async () => {
      listApi(['SERVICE_DESK']);
      renderConfigItems('/config-items');
      await screen.findByTestId('ci-row-12', undefined, SLOW);
      expect(screen.queryByTestId('ci-create')).toBeNull();
      expect(screen.queryByText('登记配置项')).toBeNull();
      expect(screen.getByTestId('ci-filter-unit')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    "shows a customer's user their unit's items to read: no unit filter or column, no create button",
    async () => {
      const fetchMock = listApi(['CUSTOMER'], [platform, database]);
      renderConfigItems('/config-items');
      await screen.findByTestId('ci-row-12', undefined, SLOW);
      expect(screen.getByTestId('ci-customer-intro').textContent).toContain('贵单位的应用系统');
      expect(screen.queryByTestId('ci-create')).toBeNull();
      expect(screen.queryByTestId('ci-filter-unit')).toBeNull();
      const headers = Array.from(document.querySelectorAll('th')).map((th) => th.textContent);
      expect(headers).not.toContain('客户单位');
      expect(headers).toContain('关系数');
      expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/customers')).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'says 暂无配置项 when there is none, and shows cards on a phone',
    async () => {
      setViewportWidth(390);
      listApi(['ADMIN'], []);
      renderConfigItems('/config-items');
      await waitFor(() => expect(screen.getByTestId('ci-list').getAttribute('data-layout')).toBe('cards'), SLOW);
      expect(await screen.findByText('暂无配置项', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'registers an item from the modal (运行中 by default), shows the server 400 at its field, then opens the item',
    async () => {
      let attempt = 0;
      const created = itemView({
        id: 30,
        number: 'CI-000030',
        name: '门禁管理系统',
        links: [],
        usedBy: [],
        history: [],
      });
      const fetchMock = mockApi(['PROCESS_OWNER'], (url, init) => {
        if (url === 'api/customers') return json(CUSTOMERS);
        if (url === 'api/config-items' && init?.method === 'POST') {
          attempt += 1;
          return attempt === 1
            ? problem(400, { errors: [{ field: 'name', message: '本单位已有同名配置项' }] })
            : json(created, 201);
        }
        if (url === 'api/config-items') return json([]);
        if (url === 'api/config-items/30') return json(created);
        return undefined;
      });
      renderConfigItems('/config-items');
      fireEvent.click(await screen.findByTestId('ci-create', undefined, SLOW));
      await screen.findByTestId('ci-form-name', undefined, SLOW);
      expect(fieldOf('ci-form-status').textContent).toContain('运行中');

      // nothing filled in: the required fields say so, nothing is sent
      fireEvent.click(screen.getByTestId('ci-form-ok'));
      await waitFor(() => expect(fieldOf('ci-form-name').textContent).toContain('请填写名称。'), SLOW);
      expect(fieldOf('ci-form-customer').textContent).toContain('请选择客户单位。');
      expect(fieldOf('ci-form-kind').textContent).toContain('请选择分类。');

      await pick('ci-form-customer', '示范县交警大队');
      await pick('ci-form-kind', '应用系统');
      fireEvent.change(screen.getByTestId('ci-form-name'), { target: { value: ' 门禁管理系统 ' } });
      fireEvent.change(screen.getByTestId('ci-form-version'), { target: { value: 'V3.0' } });
      fireEvent.change(screen.getByTestId('ci-form-parameters'), { target: { value: '服务器 10.0.0.9' } });
      fireEvent.click(screen.getByTestId('ci-form-ok'));
      await waitFor(() => expect(fieldOf('ci-form-name').textContent).toContain('本单位已有同名配置项'), SLOW);

      fireEvent.click(screen.getByTestId('ci-form-ok'));
      await screen.findByTestId('ci-detail', undefined, SLOW);
      const body = {
        customerId: 8,
        kind: 'APPLICATION',
        name: '门禁管理系统',
        version: 'V3.0',
        location: null,
        status: 'IN_SERVICE',
        owner: null,
        parameters: '服务器 10.0.0.9',
        notes: null,
      };
      expect(sentTo(fetchMock, 'POST', 'api/config-items')).toEqual([body, body]);
    },
    TEST_TIMEOUT,
  );
});
