import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import type { ConfigItemView } from './api';
import {
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

const SITES = [
  { id: 3, customerId: 7, customerName: '示范市公安局', name: '指挥中心', address: '示范市人民路 1 号' },
  { id: 4, customerId: 8, customerName: '示范县交警大队', name: '县城卡口', address: '示范县' },
];
const DEVICES = [
  { id: 21, siteId: 3, siteName: '指挥中心', type: 'NVR', name: 'NVR-01', location: '机房 A 柜' },
  { id: 22, siteId: 3, siteName: '指挥中心', type: 'SWITCH', name: '核心交换机' },
];
const UNIT_ITEMS = [
  summary(),
  summary({ id: 13, number: 'CI-000013', kind: 'SOFTWARE', name: '视频数据库' }),
  summary({ id: 15, number: 'CI-000015', kind: 'NETWORK', name: '旧专网链路', status: 'RETIRED' }),
  summary({ id: 16, number: 'CI-000016', kind: 'SERVICE', name: '录像调阅服务' }),
];

/** GET answers item 12 as it is now; POST/PUT/DELETE on it answer `after` (or the given response) and keep it. */
function detailApi(roles: Role[], first: ConfigItemView, after?: ConfigItemView | (() => Promise<Response>)) {
  let current = first;
  return mockApi(roles, (url, init) => {
    const method = init?.method ?? 'GET';
    if (url === 'api/config-items/12' && method === 'GET') return json(current);
    if (url.startsWith('api/config-items/12') && method !== 'GET') {
      if (typeof after === 'function') return after();
      if (after) current = after;
      return json(current);
    }
    if (url === 'api/sites') return json(SITES);
    if (url === 'api/devices?siteId=3') return json(DEVICES);
    if (url === 'api/config-items?customerId=7') return json(UNIT_ITEMS);
    return undefined;
  });
}

const modal = () => document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') as HTMLElement;

describe('ConfigItemDetailPage', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it(
    'shows the facts, the relations, what depends on it and the history in Chinese, newest first',
    async () => {
      detailApi(['ENGINEER'], itemView());
      renderConfigItems('/config-items/12');
      expect((await screen.findByTestId('ci-status', undefined, SLOW)).textContent).toBe('运行中');
      expect(screen.getByTestId('ci-number').textContent).toBe('CI-000012');
      expect(screen.getByTestId('ci-fact-kind').textContent).toBe('应用系统');
      expect(screen.getByTestId('ci-fact-owner').textContent).toBe('李明');
      expect(screen.getByTestId('ci-fact-parameters').textContent).toBe('管理地址 10.0.0.5:8080\n授权 200 路');
      // left out by the server: a dash, not "undefined"
      expect(screen.getByTestId('ci-fact-notes').textContent).toBe('—');

      const device = screen.getByTestId('ci-link-51');
      expect(device.textContent).toContain('运行于');
      expect(device.textContent).toContain('设备');
      expect(device.textContent).toContain('NVR-01');
      expect(device.textContent).toContain('硬盘录像机 · 指挥中心');
      // the device's own page (设备档案)
      expect(within(device).getByRole('link', { name: 'NVR-01' }).getAttribute('href')).toBe('/devices/21');
      const item = screen.getByTestId('ci-link-52');
      expect(item.textContent).toContain('依赖于');
      expect(within(item).getByRole('link').getAttribute('href')).toBe('/config-items/13');
      expect(item.textContent).toContain('CI-000013 视频数据库');
      expect(item.textContent).toContain('平台软件');

      const usedBy = screen.getByTestId('ci-used-by-14');
      expect(within(usedBy).getByRole('link').getAttribute('href')).toBe('/config-items/14');
      expect(usedBy.textContent).toContain('CI-000014 录像调阅服务');

      const lines = Array.from(document.querySelectorAll('[data-testid^="ci-event-text-"]')).map((e) => e.textContent);
      expect(lines).toEqual(['状态：运行中 → 已停用', '版本：2.1 → 2.2', '添加关系：运行于 设备 NVR-01', '登记配置项']);
      expect(screen.getByTestId('ci-event-2').textContent).toContain('刘强 · 2026-11-02 10:00');
      expect(screen.getByTestId('ci-edit')).toBeTruthy();
      expect(screen.getByTestId('ci-link-add')).toBeTruthy();
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(
        /APPLICATION|IN_SERVICE|RETIRED|RUNS_ON|DEPENDS_ON|DEVICE|NVR_|configItems\.|configField\./,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'words the other history lines: cleared values, long texts, kinds, removed relations',
    async () => {
      const at = '2026-11-20T02:00:00Z';
      detailApi(
        ['ENGINEER'],
        itemView({
          history: [
            { id: 9, at, by: 'e', byName: '张伟', action: 'EDITED', field: 'location', oldValue: '一楼机房' },
            { id: 8, at, by: 'e', byName: '张伟', action: 'EDITED', field: 'parameters', oldValue: 'a', newValue: 'b' },
            {
              id: 7,
              at,
              by: 'e',
              byName: '张伟',
              action: 'EDITED',
              field: 'kind',
              oldValue: 'SOFTWARE',
              newValue: 'SERVICE',
            },
            {
              id: 6,
              at,
              by: 'e',
              byName: '张伟',
              action: 'UNLINKED',
              relation: 'CONNECTS_TO',
              targetType: 'ITEM',
              targetName: '公安专网链路',
            },
          ],
        }),
      );
      renderConfigItems('/config-items/12');
      await screen.findByTestId('ci-history', undefined, SLOW);
      const lines = Array.from(document.querySelectorAll('[data-testid^="ci-event-text-"]')).map((e) => e.textContent);
      expect(lines).toEqual([
        '位置：一楼机房 → （空）',
        '核心参数：已修改',
        '分类：平台软件 → 业务服务',
        '解除关系：连接至 配置项 公安专网链路',
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows no edit controls when the server says the reader may not edit',
    async () => {
      detailApi(['SERVICE_DESK'], itemView({ canEdit: false }));
      renderConfigItems('/config-items/12');
      await screen.findByTestId('ci-link-51', undefined, SLOW);
      expect(screen.queryByTestId('ci-edit')).toBeNull();
      expect(screen.queryByTestId('ci-link-add')).toBeNull();
      expect(screen.queryByTestId('ci-unlink-51')).toBeNull();
      expect(screen.queryByText('解除')).toBeNull();
      expect(screen.queryByText('编辑')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    "adds a relation to one of the unit's devices, and to another item (not itself, not a retired one)",
    async () => {
      const fetchMock = detailApi(['ENGINEER'], itemView());
      renderConfigItems('/config-items/12');
      fireEvent.click(await screen.findByTestId('ci-link-add', undefined, SLOW));
      await screen.findByTestId('ci-link-device', undefined, SLOW);
      // nothing chosen: nothing sent
      fireEvent.click(screen.getByTestId('ci-link-ok'));
      await waitFor(() => expect(fieldOf('ci-link-device').textContent).toContain('请选择设备。'), SLOW);
      await pick('ci-link-device', 'NVR-01 · 硬盘录像机 · 机房 A 柜 · 指挥中心');
      fireEvent.click(screen.getByTestId('ci-link-ok'));
      await waitFor(() => expect(sentTo(fetchMock, 'POST', 'api/config-items/12/links')).toHaveLength(1), SLOW);
      expect(sentTo(fetchMock, 'POST', 'api/config-items/12/links')[0]).toEqual({ relation: 'RUNS_ON', deviceId: 21 });
      await waitFor(() => expect(screen.queryByTestId('ci-link-modal')).toBeNull(), SLOW);

      fireEvent.click(screen.getByTestId('ci-link-add'));
      await screen.findByTestId('ci-link-relation', undefined, SLOW);
      await pick('ci-link-relation', '依赖于');
      fireEvent.click(within(modal()).getByText('配置项'));
      await pick('ci-link-item', 'CI-000016 · 录像调阅服务（业务服务）');
      const offered = Array.from(document.querySelectorAll('.ant-select-item-option-content')).map(
        (o) => o.textContent,
      );
      expect(offered).toContain('CI-000013 · 视频数据库（平台软件）');
      expect(offered.some((o) => o?.includes('视频监控平台'))).toBe(false);
      expect(offered.some((o) => o?.includes('旧专网链路'))).toBe(false);
      fireEvent.click(screen.getByTestId('ci-link-ok'));
      await waitFor(() => expect(sentTo(fetchMock, 'POST', 'api/config-items/12/links')).toHaveLength(2), SLOW);
      expect(sentTo(fetchMock, 'POST', 'api/config-items/12/links')[1]).toEqual({ relation: 'DEPENDS_ON', itemId: 16 });
    },
    TEST_TIMEOUT,
  );

  it(
    'says why an item cannot be chosen (a loop) under the picker, and a relation that exists already',
    async () => {
      let answer = problem(400, { errors: [{ field: 'itemId', message: 'would create a cycle' }] });
      detailApi(['ENGINEER'], itemView(), () => answer);
      renderConfigItems('/config-items/12');
      fireEvent.click(await screen.findByTestId('ci-link-add', undefined, SLOW));
      fireEvent.click(within(await screen.findByTestId('ci-link-target-type', undefined, SLOW)).getByText('配置项'));
      await pick('ci-link-item', 'CI-000013 · 视频数据库（平台软件）');
      fireEvent.click(screen.getByTestId('ci-link-ok'));
      await waitFor(
        () =>
          expect(fieldOf('ci-link-item').textContent).toContain('不能选择这个配置项（可能会形成循环依赖，或已停用）。'),
        SLOW,
      );
      answer = problem(409, { detail: 'duplicate link' });
      fireEvent.click(screen.getByTestId('ci-link-ok'));
      expect((await screen.findByTestId('ci-link-error', undefined, SLOW)).textContent).toBe('已有同样的关系。');
    },
    TEST_TIMEOUT,
  );

  it(
    'asks before removing a relation, then removes it',
    async () => {
      const after = itemView({ links: itemView().links.slice(1) });
      const fetchMock = detailApi(['SUPERVISOR'], itemView(), after);
      renderConfigItems('/config-items/12');
      fireEvent.click(await screen.findByTestId('ci-unlink-51', undefined, SLOW));
      expect(await screen.findByText('解除与「NVR-01」的关系？', undefined, SLOW)).toBeTruthy();
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
      fireEvent.click(await screen.findByTestId('ci-unlink-ok-51', undefined, SLOW));
      await waitFor(() => expect(screen.queryByTestId('ci-link-51')).toBeNull(), SLOW);
      expect(sentTo(fetchMock, 'DELETE', 'api/config-items/12/links/51')).toHaveLength(1);
      expect(screen.getByTestId('ci-link-52')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'sends an edit with the revision it was made on; a 409 says someone else changed it and reloads',
    async () => {
      let answer = problem(409, { detail: 'stale revision' });
      const fetchMock = detailApi(['ENGINEER'], itemView(), () => answer);
      renderConfigItems('/config-items/12');
      fireEvent.click(await screen.findByTestId('ci-edit', undefined, SLOW));
      const version = await screen.findByTestId('ci-form-version', undefined, SLOW);
      expect(screen.getByTestId('ci-form-unit').textContent).toContain('示范市公安局');
      expect((version as HTMLInputElement).value).toBe('2.2');
      fireEvent.change(version, { target: { value: '2.3' } });
      fireEvent.change(screen.getByTestId('ci-form-owner'), { target: { value: '' } });
      const gets = () => sentTo(fetchMock, 'GET', 'api/config-items/12');
      const before = gets().length;
      fireEvent.click(screen.getByTestId('ci-form-ok'));
      expect((await screen.findByTestId('ci-form-error', undefined, SLOW)).textContent).toBe(
        '该配置项已被他人修改，页面已重新加载。请核对后再保存。',
      );
      await waitFor(() => expect(gets().length).toBeGreaterThan(before), SLOW);
      expect(sentTo(fetchMock, 'PUT', 'api/config-items/12')).toEqual([
        {
          kind: 'APPLICATION',
          name: '视频监控平台',
          version: '2.3',
          location: '指挥中心机房',
          status: 'IN_SERVICE',
          owner: null,
          parameters: '管理地址 10.0.0.5:8080\n授权 200 路',
          notes: null,
          revision: 4,
        },
      ]);
      answer = json(itemView({ version: '2.3', revision: 5 }));
      fireEvent.click(screen.getByTestId('ci-form-ok'));
      await waitFor(() => expect(screen.getByTestId('ci-fact-version').textContent).toBe('2.3'), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'links a history line written by a change to that change, and lists the changes naming the item',
    async () => {
      const base = itemView();
      detailApi(
        ['ENGINEER'],
        itemView({
          history: [
            {
              id: 7,
              at: '2026-12-10T08:00:00Z',
              by: 'engineer',
              byName: '张伟',
              action: 'EDITED',
              field: 'version',
              oldValue: '2.2',
              newValue: '2.3',
              changeId: 40,
              changeNumber: 'CHG-000040',
            },
            ...base.history,
          ],
          changes: [
            {
              id: 40,
              number: 'CHG-000040',
              title: '视频平台升级到 2.3',
              status: 'DONE',
              plannedStart: '2026-12-10T06:00:00Z',
              plannedEnd: '2026-12-10T08:00:00Z',
              outcome: 'SUCCEEDED',
            },
            {
              id: 44,
              number: 'CHG-000044',
              title: '视频平台扩容',
              status: 'SCHEDULED',
              plannedStart: '2026-12-20T14:00:00Z',
              plannedEnd: '2026-12-20T16:00:00Z',
            },
          ],
        }),
      );
      renderConfigItems('/config-items/12');
      const line = await screen.findByTestId('ci-event-7', undefined, SLOW);
      expect(screen.getByTestId('ci-event-text-7').textContent).toBe('版本：2.2 → 2.3');
      const byChange = screen.getByTestId('ci-event-change-7');
      expect(byChange.textContent).toBe('由变更 CHG-000040 修改');
      expect(byChange.getAttribute('href')).toBe('/changes/40');
      expect(line.textContent).toContain('张伟 · 2026-12-10 16:00');
      // a line not written by a change names none
      expect(screen.queryByTestId('ci-event-change-3')).toBeNull();

      const changes = screen.getByTestId('ci-changes');
      expect(changes.textContent).toContain('相关变更');
      const done = screen.getByTestId('ci-change-40');
      expect(within(done).getByRole('link').getAttribute('href')).toBe('/changes/40');
      expect(done.textContent).toContain('CHG-000040');
      expect(done.textContent).toContain('视频平台升级到 2.3');
      expect(done.textContent).toContain('已完成');
      expect(done.textContent).toContain('变更成功');
      expect(done.textContent).toContain('2026-12-10 14:00 至 2026-12-10 16:00');
      const planned = screen.getByTestId('ci-change-44');
      expect(planned.textContent).toContain('已排期');
      expect(planned.textContent).not.toContain('变更成功');
      // newest first, as the server sends them
      expect(
        Array.from(changes.querySelectorAll('[data-testid^="ci-change-"]')).map((e) => e.getAttribute('data-testid')),
      ).toEqual(['ci-change-40', 'ci-change-44']);
      expect(document.body.textContent).not.toMatch(/DONE|SCHEDULED|SUCCEEDED|changes\.|configItems\./);
    },
    TEST_TIMEOUT,
  );

  it(
    'says so when no change names the item',
    async () => {
      detailApi(['SERVICE_DESK'], itemView({ canEdit: false, changes: [] }));
      renderConfigItems('/config-items/12');
      const changes = await screen.findByTestId('ci-changes', undefined, SLOW);
      expect(changes.textContent).toContain('没有涉及此配置项的变更');
      expect(changes.querySelector('a')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});
