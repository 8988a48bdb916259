import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import {
  asked,
  CUSTOMERS,
  fieldOf,
  incidentView,
  json,
  mockApi,
  NOW,
  pick,
  problem,
  renderSecurityIncidents,
  sentTo,
  SLOW,
  TEST_TIMEOUT,
} from './testSupport';

const created = incidentView({ id: 99, number: 'SEC-000099', title: '越权修改卡口设备配置' });

const CASE = {
  id: 55,
  number: 'T-000055',
  title: '卡口相机无图像',
  status: 'IN_PROGRESS',
  siteName: '县城卡口',
  deviceName: '卡口相机 3',
};

function formApi(roles: Role[], post: (body: unknown) => Promise<Response> = () => json(created, 201)) {
  return mockApi(roles, (url, init) => {
    if (url === 'api/customers') return json(roles.includes('CUSTOMER') ? [CUSTOMERS[0]] : CUSTOMERS);
    if (url.startsWith('api/tickets?'))
      return json({ content: [CASE], page: 0, size: 10, totalElements: 1, totalPages: 1 });
    if (url === 'api/security-incidents' && init?.method === 'POST') return post(JSON.parse(String(init.body)));
    if (url === 'api/security-incidents/99') return json(created);
    return undefined;
  });
}

/** The fields every report needs besides the unit: kind, impact, title, what happened. */
async function fillForm() {
  await pick('sec-form-kind', '超越授权操作');
  fireEvent.click(within(screen.getByTestId('sec-form-impact')).getByText('重大'));
  fireEvent.change(screen.getByTestId('sec-form-title'), { target: { value: '越权修改卡口设备配置' } });
  fireEvent.change(screen.getByTestId('sec-form-description'), {
    target: { value: '驻场工程师未经批准修改了卡口相机的上传地址。' },
  });
}

describe('NewSecurityIncidentPage', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.useRealTimers();
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it(
    'sends the unit, kind, impact, texts and the occurrence (now by default) and opens the new incident',
    async () => {
      const fetchMock = formApi(['SERVICE_DESK']);
      renderSecurityIncidents('/security-incidents/new');
      expect(await screen.findByText('报告安全事件', { selector: 'h3' }, SLOW)).toBeTruthy();
      // the occurrence starts at now, in Beijing time
      expect((screen.getByTestId('sec-form-occurredAt') as HTMLInputElement).value).toBe('2026-12-10 10:00');
      await waitFor(() => expect(asked(fetchMock)).toContain('api/customers'), SLOW);
      await pick('sec-form-customer', '示范县交警大队');
      await fillForm();
      fireEvent.change(screen.getByTestId('sec-form-involved'), { target: { value: ' 李强 ' } });
      fireEvent.click(screen.getByTestId('sec-form-submit'));

      expect(await screen.findByTestId('sec-detail', undefined, SLOW)).toBeTruthy();
      expect(sentTo(fetchMock, 'POST', 'api/security-incidents')).toEqual([
        {
          customerId: 8,
          kind: 'BEYOND_AUTHORIZATION',
          impact: 'MAJOR',
          title: '越权修改卡口设备配置',
          description: '驻场工程师未经批准修改了卡口相机的上传地址。',
          occurredAt: '2026-12-10T02:00:00.000Z',
          involved: '李强',
          ticketId: null,
        },
      ]);
      expect(screen.getByTestId('sec-number').textContent).toBe('SEC-000099');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s field errors under their fields and stays on the form',
    async () => {
      const fetchMock = formApi(['SERVICE_DESK'], () =>
        problem(400, {
          errors: [
            { field: 'occurredAt', message: '发生时间不能晚于现在' },
            { field: 'title', message: '标题最多 100 个字符' },
          ],
        }),
      );
      renderSecurityIncidents('/security-incidents/new');
      await screen.findByTestId('sec-new-page', undefined, SLOW);
      await pick('sec-form-customer', '示范市公安局');
      await fillForm();
      fireEvent.click(screen.getByTestId('sec-form-submit'));

      await waitFor(() => expect(fieldOf('sec-form-occurredAt').textContent).toContain('发生时间不能晚于现在'), SLOW);
      expect(fieldOf('sec-form-title').textContent).toContain('标题最多 100 个字符');
      expect(fieldOf('sec-form-description').textContent).not.toContain('不能晚于现在');
      expect(screen.queryByTestId('sec-detail')).toBeNull();
      expect(sentTo(fetchMock, 'POST', 'api/security-incidents')).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'sends nothing without the required fields and says which are missing',
    async () => {
      const fetchMock = formApi(['SERVICE_DESK']);
      renderSecurityIncidents('/security-incidents/new');
      await screen.findByTestId('sec-new-page', undefined, SLOW);
      fireEvent.click(screen.getByTestId('sec-form-submit'));
      await waitFor(() => expect(fieldOf('sec-form-customer').textContent).toContain('请选择客户单位'), SLOW);
      expect(fieldOf('sec-form-kind').textContent).toContain('请选择事件类型');
      expect(fieldOf('sec-form-title').textContent).toContain('请填写标题');
      expect(sentTo(fetchMock, 'POST', 'api/security-incidents')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks a customer’s user no unit, and links the case they found',
    async () => {
      const fetchMock = formApi(['CUSTOMER']);
      renderSecurityIncidents('/security-incidents/new');
      await screen.findByTestId('sec-new-page', undefined, SLOW);
      expect(screen.queryByTestId('sec-form-customer')).toBeNull();
      await fillForm();
      const input = screen.getByTestId('sec-form-ticket').querySelector('input')!;
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value: '卡口' } });
      fireEvent.click(await screen.findByTestId('link-case-option-55', undefined, SLOW));
      fireEvent.click(screen.getByTestId('sec-form-submit'));

      await screen.findByTestId('sec-detail', undefined, SLOW);
      const [body] = sentTo(fetchMock, 'POST', 'api/security-incidents') as Record<string, unknown>[];
      expect(body).not.toHaveProperty('customerId');
      expect(body.ticketId).toBe(55);
      expect(body.kind).toBe('BEYOND_AUTHORIZATION');
      expect(asked(fetchMock)).not.toContain('api/customers');
    },
    TEST_TIMEOUT,
  );
});
