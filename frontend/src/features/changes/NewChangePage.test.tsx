import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { changeView, json, mockApi, NOW, postedTo, problem, renderChanges } from './testSupport';

// the form renders antd selects, pickers and text areas: slow on a loaded two-core machine
const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const created = changeView({ id: 99, number: 'CHG-000099' });

function formApi(post: (body: unknown) => Promise<Response> = () => json(created, 201)) {
  return mockApi(['SERVICE_DESK'], (url, init) => {
    if (url === 'api/customers') return json([{ id: 7, name: '示范市公安局' }]);
    if (url === 'api/sites')
      return json([
        { id: 3, customerId: 7, customerName: '示范市公安局', name: '指挥中心', address: '示范市人民路 1 号' },
        { id: 4, customerId: 8, customerName: '示范县交警大队', name: '县城卡口', address: '示范县' },
      ]);
    if (url === 'api/devices?siteId=3')
      return json([
        { id: 21, siteId: 3, siteName: '指挥中心', type: 'SWITCH', name: '核心交换机', location: '机房 A 柜' },
        { id: 22, siteId: 3, siteName: '指挥中心', type: 'SERVER', name: '存储服务器' },
      ]);
    if (url === 'api/engineers') return json([{ username: 'engineer', displayName: '张伟', team: '市区组' }]);
    if (url === 'api/devices/21/config-items')
      return json([
        {
          itemId: 5,
          itemNumber: 'CI-000005',
          itemName: '视频监控平台',
          itemKind: 'APPLICATION',
          itemStatus: 'IN_SERVICE',
          relation: 'CONNECTS_TO',
          depth: 1,
        },
        {
          itemId: 6,
          itemNumber: 'CI-000006',
          itemName: '110 视频联网共享',
          itemKind: 'SERVICE',
          itemStatus: 'IN_SERVICE',
          relation: 'DEPENDS_ON',
          viaItemName: '视频监控平台',
          depth: 2,
        },
      ]);
    if (url === 'api/changes' && init?.method === 'POST') return post(JSON.parse(String(init.body)));
    if (url === 'api/changes/99') return json(created);
    return undefined;
  });
}

/** Opens an antd select by its test id and picks the option with this text. */
async function pick(testId: string, option: string) {
  fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' }, SLOW);
  fireEvent.click(options[options.length - 1]);
}

/** Types a "YYYY-MM-DD HH:mm" time (service zone) into a picker and confirms it with Enter. */
function typeDateTime(testId: string, text: string) {
  const picker = screen.getByTestId(testId) as HTMLInputElement;
  fireEvent.mouseDown(picker);
  fireEvent.focus(picker);
  fireEvent.change(picker, { target: { value: text } });
  fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const fieldOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

async function fillForm({ start = '2026-12-10 14:00', end = '2026-12-10 16:00' } = {}) {
  // the only unit is chosen already
  await waitFor(() => expect(fieldOf('change-customer').textContent).toContain('示范市公安局'), SLOW);
  await pick('change-site', '指挥中心');
  await pick('change-devices', '核心交换机 · 机房 A 柜');
  fireEvent.change(screen.getByTestId('change-title'), { target: { value: '核心交换机固件升级' } });
  fireEvent.change(screen.getByTestId('change-description'), { target: { value: '升级到 V5.2' } });
  fireEvent.change(screen.getByTestId('change-reason'), { target: { value: '厂商通报漏洞' } });
  fireEvent.change(screen.getByTestId('change-impact'), { target: { value: '视频中断约 30 分钟' } });
  fireEvent.change(screen.getByTestId('change-fallback'), { target: { value: '回刷 V5.1' } });
  typeDateTime('change-plannedStart', start);
  typeDateTime('change-plannedEnd', end);
  await pick('change-implementer', '张伟 · 市区组');
}

describe('the new change form', () => {
  it(
    'shows what the chosen devices hold up (受影响的配置项) before the requester writes the impact',
    async () => {
      formApi();
      renderChanges('/changes/new');
      await waitFor(() => expect(fieldOf('change-customer').textContent).toContain('示范市公安局'), SLOW);
      expect(screen.queryByTestId('device-impact')).toBeNull();
      await pick('change-site', '指挥中心');
      await pick('change-devices', '核心交换机 · 机房 A 柜');
      const card = await screen.findByTestId('device-impact', undefined, SLOW);
      expect(card.textContent).toContain('受影响的配置项');
      expect(card.textContent).toContain('视频监控平台');
      expect(card.textContent).toContain('经由 视频监控平台');
    },
    TEST_TIMEOUT,
  );

  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] }); // 2026-12-01 10:00 in Shanghai
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.useRealTimers();
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it(
    'asks for a test plan once the change is major, then sends the change with instants and opens it',
    async () => {
      const fetchMock = formApi();
      renderChanges('/changes/new');
      await screen.findByTestId('change-title', undefined, SLOW);
      expect(screen.getByTestId('change-lead-rule').textContent).toBe(
        '一般变更须至少提前24小时、重大变更须至少提前72小时告知用户',
      );
      expect(screen.queryByTestId('change-testPlan')).toBeNull();
      await fillForm();
      fireEvent.click(screen.getByTestId('change-major'));
      const testPlan = await screen.findByTestId('change-testPlan', undefined, SLOW);
      fireEvent.click(screen.getByTestId('change-submit'));
      await waitFor(() => expect(fieldOf('change-testPlan').textContent).toContain('请填写测试方案。'), SLOW);
      expect(postedTo(fetchMock, 'api/changes')).toEqual([]);

      fireEvent.change(testPlan, { target: { value: '先在备用交换机上演练' } });
      fireEvent.click(screen.getByTestId('change-submit'));
      await screen.findByTestId('change-detail', undefined, SLOW);
      expect(postedTo(fetchMock, 'api/changes')).toEqual([
        {
          customerId: 7,
          siteId: 3,
          deviceIds: [21],
          configItemIds: [],
          title: '核心交换机固件升级',
          description: '升级到 V5.2',
          reason: '厂商通报漏洞',
          impact: '视频中断约 30 分钟',
          fallback: '回刷 V5.1',
          major: true,
          testPlan: '先在备用交换机上演练',
          // 14:00 and 16:00 in Shanghai
          plannedStart: '2026-12-10T06:00:00.000Z',
          plannedEnd: '2026-12-10T08:00:00.000Z',
          implementer: 'engineer',
        },
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses a start closer than 24 h (一般) or 72 h (重大) before sending anything, and an end before the start',
    async () => {
      const fetchMock = formApi();
      renderChanges('/changes/new');
      await screen.findByTestId('change-title', undefined, SLOW);
      // 23 hours ahead
      await fillForm({ start: '2026-12-02 09:00', end: '2026-12-02 08:00' });
      fireEvent.click(screen.getByTestId('change-submit'));
      await waitFor(
        () =>
          expect(fieldOf('change-plannedStart').textContent).toContain(
            '一般变更须至少提前24小时告知用户，计划开始不能早于 2026-12-02 10:00',
          ),
        SLOW,
      );
      expect(fieldOf('change-plannedEnd').textContent).toContain('计划结束须晚于计划开始');

      // 50 hours ahead is enough for a minor change, not for a major one
      typeDateTime('change-plannedStart', '2026-12-03 12:00');
      typeDateTime('change-plannedEnd', '2026-12-03 13:00');
      fireEvent.click(screen.getByTestId('change-major'));
      fireEvent.change(await screen.findByTestId('change-testPlan', undefined, SLOW), { target: { value: '演练' } });
      fireEvent.click(screen.getByTestId('change-submit'));
      await waitFor(
        () => expect(fieldOf('change-plannedStart').textContent).toContain('重大变更须至少提前72小时告知用户'),
        SLOW,
      );
      // the end's error clears when its own validation reruns, which antd does after the start's (a loaded machine
      // can show the start's new error a moment before the end's old one is gone)
      await waitFor(
        () => expect(fieldOf('change-plannedEnd').textContent).not.toContain('计划结束须晚于计划开始'),
        SLOW,
      );
      expect(postedTo(fetchMock, 'api/changes')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the server's 400 on plannedStart under that field and stays on the form",
    async () => {
      const fetchMock = formApi(() =>
        problem(400, {
          errors: [
            { field: 'plannedStart', message: '距计划开始不足 24 小时，无法提前告知用户' },
            { field: 'implementer', message: 'must be an enabled engineer or supervisor' },
          ],
        }),
      );
      renderChanges('/changes/new');
      await screen.findByTestId('change-title', undefined, SLOW);
      await fillForm();
      fireEvent.click(screen.getByTestId('change-submit'));
      await waitFor(
        () => expect(fieldOf('change-plannedStart').textContent).toContain('距计划开始不足 24 小时，无法提前告知用户'),
        SLOW,
      );
      // the server's English check becomes a Chinese "check this field" under its own field
      expect(fieldOf('change-implementer').textContent).toContain('此项内容不符合要求，请检查');
      expect(document.body.textContent).not.toContain('must be an enabled');
      expect(postedTo(fetchMock, 'api/changes')).toHaveLength(1);
      expect(screen.queryByTestId('change-detail')).toBeNull();
      expect(within(screen.getByTestId('new-change-page')).getByTestId('change-submit')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'sends one change however often the button is pressed while sending',
    async () => {
      let answer: (r: Response) => void = () => {};
      const fetchMock = formApi(() => new Promise<Response>((resolve) => (answer = resolve)));
      renderChanges('/changes/new');
      await screen.findByTestId('change-title', undefined, SLOW);
      await fillForm();
      const submit = screen.getByTestId('change-submit');
      fireEvent.click(submit);
      fireEvent.click(submit);
      await waitFor(() => expect(postedTo(fetchMock, 'api/changes')).toHaveLength(1), SLOW);
      fireEvent.click(screen.getByTestId('change-submit'));
      answer(new Response(JSON.stringify(created), { status: 201, headers: { 'Content-Type': 'application/json' } }));
      await screen.findByTestId('change-detail', undefined, SLOW);
      expect(postedTo(fetchMock, 'api/changes')).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    "offers the chosen unit's configuration items that are not retired, clears them when the unit changes, and sends them",
    async () => {
      const item = (id: number, customerId: number, name: string, kind: string, status = 'IN_SERVICE') => ({
        id,
        number: `CI-${String(id).padStart(6, '0')}`,
        customerId,
        customerName: customerId === 7 ? '示范市公安局' : '示范县交警大队',
        kind,
        name,
        status,
        links: 0,
        usedBy: 0,
        updatedAt: '2026-11-01T02:00:00Z',
      });
      const fetchMock = mockApi(['SERVICE_DESK'], (url, init) => {
        if (url === 'api/customers')
          return json([
            { id: 7, name: '示范市公安局' },
            { id: 8, name: '示范县交警大队' },
          ]);
        if (url === 'api/sites')
          return json([
            { id: 3, customerId: 7, customerName: '示范市公安局', name: '指挥中心', address: '示范市人民路 1 号' },
            { id: 4, customerId: 8, customerName: '示范县交警大队', name: '县城卡口', address: '示范县' },
          ]);
        if (url === 'api/devices?siteId=3') return json([]);
        if (url === 'api/devices?siteId=4') return json([]);
        if (url === 'api/engineers') return json([{ username: 'engineer', displayName: '张伟', team: '市区组' }]);
        if (url === 'api/config-items?customerId=7')
          return json([
            item(5, 7, '视频监控平台', 'APPLICATION'),
            item(6, 7, '公安专网链路', 'NETWORK', 'PLANNED'),
            item(9, 7, '旧录像系统', 'APPLICATION', 'RETIRED'),
          ]);
        if (url === 'api/config-items?customerId=8') return json([item(11, 8, '卡口抓拍系统', 'APPLICATION')]);
        if (url === 'api/changes' && init?.method === 'POST') return json(created, 201);
        if (url === 'api/changes/99') return json(created);
        return undefined;
      });
      renderChanges('/changes/new');
      await screen.findByTestId('change-title', undefined, SLOW);
      // no unit yet: nothing to choose from
      expect(fieldOf('change-config-items').textContent).toContain('请先选择单位');
      expect(fieldOf('change-config-items').textContent).toContain('涉及配置项');

      await pick('change-customer', '示范县交警大队');
      await pick('change-config-items', 'CI-000011 · 卡口抓拍系统（应用系统）');
      await waitFor(() => expect(fieldOf('change-config-items').textContent).toContain('卡口抓拍系统'), SLOW);

      // another unit: its items, and the choice made for the first one is dropped
      await pick('change-customer', '示范市公安局');
      await waitFor(() => expect(fieldOf('change-config-items').textContent).not.toContain('卡口抓拍系统'), SLOW);
      await pick('change-config-items', 'CI-000006 · 公安专网链路（网络链路）');
      const offered = Array.from(document.querySelectorAll('.ant-select-item-option-content')).map(
        (o) => o.textContent,
      );
      expect(offered).toContain('CI-000005 · 视频监控平台（应用系统）');
      expect(offered.some((o) => o?.includes('旧录像系统'))).toBe(false);
      expect(offered.some((o) => o?.includes('卡口抓拍系统'))).toBe(false);
      await pick('change-config-items', 'CI-000005 · 视频监控平台（应用系统）');

      fireEvent.change(screen.getByTestId('change-title'), { target: { value: '视频平台升级' } });
      fireEvent.change(screen.getByTestId('change-description'), { target: { value: '升级到 2.2' } });
      fireEvent.change(screen.getByTestId('change-reason'), { target: { value: '修复录像缺失' } });
      fireEvent.change(screen.getByTestId('change-impact'), { target: { value: '调阅中断 10 分钟' } });
      fireEvent.change(screen.getByTestId('change-fallback'), { target: { value: '回退到 2.1' } });
      typeDateTime('change-plannedStart', '2026-12-10 14:00');
      typeDateTime('change-plannedEnd', '2026-12-10 16:00');
      await pick('change-implementer', '张伟 · 市区组');
      fireEvent.click(screen.getByTestId('change-submit'));
      await screen.findByTestId('change-detail', undefined, SLOW);
      const [body] = postedTo(fetchMock, 'api/changes') as { customerId: number; configItemIds: number[] }[];
      expect(body.customerId).toBe(7);
      expect(body.configItemIds).toEqual([6, 5]);
    },
    TEST_TIMEOUT,
  );
});
