import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import {
  asked,
  deviceApi,
  deviceCase,
  device,
  json,
  mockApi,
  record,
  renderDevicePage,
  SLOW,
  TEST_TIMEOUT,
} from './testSupport';

const fact = (key: string) => screen.getByTestId(`device-fact-${key}`).textContent;
const hrefOf = (row: HTMLElement) => within(row).getByRole('link').getAttribute('href');

describe('DevicePage (设备档案)', () => {
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
    "shows staff the device's facts, its cases newest first with links and labels, its changes and its backups",
    async () => {
      const fetchMock = deviceApi(['ENGINEER']);
      renderDevicePage('/devices/21');
      await screen.findByTestId('device-page', undefined, SLOW);

      expect(screen.getByRole('heading').textContent).toBe('NVR-01');
      expect(screen.getByTestId('device-type').textContent).toBe('硬盘录像机');
      expect(screen.queryByTestId('device-retired')).toBeNull();
      expect(fact('customer')).toBe('示范市公安局');
      expect(fact('site')).toBe('指挥中心');
      expect(fact('model')).toBe('DS-9632NI');
      expect(fact('serialNumber')).toBe('SN-0001');
      expect(fact('ipAddress')).toBe('10.0.0.21');
      expect(fact('softwareVersion')).toBe('V4.1.2');
      expect(fact('location')).toBe('机房 A 柜');
      expect(fact('purchasedOn')).toBe('2020-03-01');
      expect(fact('commissionedOn')).toBe('2020-04-15');
      expect(fact('warrantyEnd')).toBe('2099-12-31保修期内');
      expect(screen.queryByTestId('device-fact-retiredOn')).toBeNull();
      const labels = Array.from(screen.getByTestId('device-facts').querySelectorAll('.ant-descriptions-item-label'));
      expect(labels.map((l) => l.textContent)).toEqual([
        '单位',
        '站点',
        '型号',
        '序列号',
        'IP 地址',
        '软件版本',
        '安装位置',
        '采购日期',
        '投运日期',
        '保修期至',
      ]);

      // the cases in the server's order (newest first), each linking to its page, with labels rather than codes
      expect(screen.getByTestId('device-cases-summary').textContent).toBe('共 2 张工单，其中 1 张未关闭');
      expect(screen.queryByTestId('device-cases-recent')).toBeNull();
      const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="device-case-1"]'));
      expect(rows.map((r) => r.dataset.testid)).toEqual(['device-case-102', 'device-case-101']);
      expect(hrefOf(rows[0])).toBe('/tickets/102');
      expect(rows[0].textContent).toContain('INC-2026-0000102');
      expect(rows[0].textContent).toContain('调取录像');
      expect(rows[0].textContent).toContain('服务请求');
      expect(rows[0].textContent).toContain('处理中');
      expect(rows[0].textContent).toContain('2026-12-01 10:00');
      // still open: no closing time
      expect(rows[0].querySelectorAll('td')[6].textContent).toBe('—');
      expect(hrefOf(rows[1])).toBe('/tickets/101');
      expect(rows[1].textContent).toContain('故障报修');
      expect(rows[1].querySelectorAll('td')[3].textContent).toBe('故障');
      expect(rows[1].textContent).toContain('已关闭');
      expect(rows[1].querySelectorAll('td')[6].textContent).toBe('2026-11-02 14:30');

      const change = screen.getByTestId('device-change-12');
      expect(hrefOf(change)).toBe('/changes/12');
      expect(change.textContent).toContain('升级 NVR 固件');
      expect(change.textContent).toContain('14:00–16:00');
      expect(change.textContent).toContain('已完成');
      expect(change.textContent).toContain('变更成功');

      expect(screen.getByTestId('device-backups').textContent).toContain('配置备份');
      await waitFor(() => expect(asked(fetchMock)).toContain('api/devices/21/config-backups'), SLOW);
      expect(asked(fetchMock)).toContain('api/devices/21/config-items');
      // no code name and no untranslated key reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(
        /SERVICE_REQUEST|FAULT|DEFECT|IN_PROGRESS|CLOSED|SUCCEEDED|DONE|devices\.|admin\.|requestType\./,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    "shows a customer's user the device and its cases, but no IP address, no changes and no backups",
    async () => {
      // the server leaves the IP address out for a customer's user (and the changes: the page shows them to staff only
      // whatever it is sent)
      const forCustomer = device({ ipAddress: undefined });
      const fetchMock = deviceApi(['CUSTOMER'], record({ device: forCustomer }));
      renderDevicePage('/devices/21');
      await screen.findByTestId('device-page', undefined, SLOW);
      expect(fact('model')).toBe('DS-9632NI');
      expect(screen.getByTestId('device-case-102')).toBeTruthy();
      expect(screen.queryByTestId('device-fact-ipAddress')).toBeNull();
      expect(screen.getByTestId('device-facts').textContent).not.toContain('IP 地址');
      expect(screen.queryByTestId('device-changes')).toBeNull();
      expect(screen.queryByTestId('device-backups')).toBeNull();
      expect(document.body.textContent).not.toContain('变更记录');
      expect(asked(fetchMock)).not.toContain('api/devices/21/config-backups');
    },
    TEST_TIMEOUT,
  );

  it(
    'marks a retired device, shows missing facts as a dash, an expired warranty, and says only the latest 50 show',
    async () => {
      const rest = device({ model: undefined, softwareVersion: undefined, purchasedOn: undefined });
      deviceApi(
        ['SUPERVISOR'],
        record({
          device: { ...rest, retired: true, retiredOn: '2026-10-01', warrantyEnd: '2020-06-30' },
          cases: Array.from({ length: 50 }, (_, i) => deviceCase(200 - i)),
          casesTotal: 73,
          openCases: 5,
        }),
      );
      renderDevicePage('/devices/21');
      await screen.findByTestId('device-page', undefined, SLOW);
      expect(screen.getByTestId('device-retired').textContent).toBe('已停用');
      expect(fact('retiredOn')).toBe('2026-10-01');
      expect(fact('model')).toBe('—');
      expect(fact('softwareVersion')).toBe('—');
      expect(fact('purchasedOn')).toBe('—');
      expect(fact('warrantyEnd')).toBe('2020-06-30已过保');
      expect(screen.getByTestId('device-cases-summary').textContent).toBe(
        '共 73 张工单，其中 5 张未关闭 · 仅显示最近 50 张',
      );
      expect(screen.getByTestId('device-cases-recent')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'says so when the device has no cases and no changes',
    async () => {
      deviceApi(['ENGINEER'], record({ cases: [], casesTotal: 0, openCases: 0, changes: [] }));
      renderDevicePage('/devices/21');
      await screen.findByTestId('device-page', undefined, SLOW);
      expect(screen.getByTestId('device-cases-empty').textContent).toContain('该设备还没有工单');
      expect(screen.queryByTestId('device-cases-summary')).toBeNull();
      expect(screen.getByTestId('device-changes-empty').textContent).toContain('还没有涉及该设备的变更');
    },
    TEST_TIMEOUT,
  );

  it(
    'says the device was not found on a 404',
    async () => {
      mockApi(['CUSTOMER'], (url) => (url === 'api/devices/99/record' ? json({ status: 404 }, 404) : undefined));
      renderDevicePage('/devices/99');
      expect((await screen.findByTestId('device-load-error', undefined, SLOW)).textContent).toContain(
        '没有找到这台设备，或您无权查看它的档案。',
      );
      expect(screen.queryByTestId('device-page')).toBeNull();
      expect(screen.getByTestId('device-back')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the cases and changes as cards on a phone (390 px), with their links',
    async () => {
      setViewportWidth(390);
      deviceApi(['ENGINEER']);
      renderDevicePage('/devices/21');
      await screen.findByTestId('device-page', undefined, SLOW);
      // the phone layout follows antd's first breakpoint measurement, one render after the page: wait for it
      await waitFor(() => {
        expect(screen.getByTestId('device-cases').querySelector('table')).toBeNull();
        expect(screen.getByTestId('device-changes').querySelector('table')).toBeNull();
      }, SLOW);
      const card = screen.getByTestId('device-case-102');
      expect(within(card).getByRole('link').getAttribute('href')).toBe('/tickets/102');
      expect(card.textContent).toContain('服务请求');
      expect(hrefOf(screen.getByTestId('device-change-12'))).toBe('/changes/12');
      // the facts one to a line, label above value
      expect(screen.getByTestId('device-facts').querySelector('.ant-descriptions-item-label')).toBeTruthy();
      expect(screen.getByTestId('device-facts').querySelectorAll('tr').length).toBeGreaterThan(10);
    },
    TEST_TIMEOUT,
  );
});
