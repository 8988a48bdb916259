import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { CaseConfigItem } from './api';
import { CaseConfigItems } from './CaseConfigItems';
import { json, mockApi, pick, problem, sentTo, SLOW, summary, TEST_TIMEOUT } from './testSupport';

const SITES = [
  { id: 3, customerId: 7, customerName: '示范市公安局', name: '指挥中心', address: '示范市人民路 1 号' },
  { id: 4, customerId: 8, customerName: '示范县交警大队', name: '县城卡口', address: '示范县' },
];
const UNIT_ITEMS = [
  summary(),
  summary({ id: 13, number: 'CI-000013', kind: 'SOFTWARE', name: '视频数据库' }),
  summary({ id: 15, number: 'CI-000015', kind: 'NETWORK', name: '旧专网链路', status: 'RETIRED' }),
  summary({ id: 16, number: 'CI-000016', kind: 'SERVICE', name: '录像调阅服务' }),
];

const PLATFORM: CaseConfigItem = {
  itemId: 12,
  number: 'CI-000012',
  name: '视频监控平台',
  kind: 'APPLICATION',
  status: 'IN_SERVICE',
  version: '2.2',
  linkedBy: 'desk',
  linkedByName: '王芳',
  linkedAt: '2026-12-01T02:00:00Z',
};
const LINK: CaseConfigItem = {
  itemId: 16,
  number: 'CI-000016',
  name: '录像调阅服务',
  kind: 'SERVICE',
  status: 'PLANNED',
  linkedBy: 'engineer',
  linkedAt: '2026-12-01T03:00:00Z',
};

/** Case 301 names `named`; a POST adds item 16 (or answers `postAnswer`), a DELETE takes an item off. */
function caseApi(roles: Role[], named: CaseConfigItem[], postAnswer?: () => Promise<Response>) {
  let current = named;
  return mockApi(roles, (url, init) => {
    const method = init?.method ?? 'GET';
    if (url === 'api/tickets/301/config-items' && method === 'GET') return json(current);
    if (url === 'api/tickets/301/config-items' && method === 'POST') {
      if (postAnswer) return postAnswer();
      current = [...current, LINK];
      return json(LINK, 201);
    }
    const removed = /^api\/tickets\/301\/config-items\/(\d+)$/.exec(url);
    if (removed && method === 'DELETE') {
      current = current.filter((c) => c.itemId !== Number(removed[1]));
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    if (url === 'api/sites') return json(SITES);
    if (url === 'api/config-items?customerId=7') return json(UNIT_ITEMS);
    return undefined;
  });
}

function SignedIn({ children }: { children: React.ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function show(status = 'IN_PROGRESS') {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter>
          <SignedIn>
            <CaseConfigItems ticket={{ id: 301, siteId: 3, status }} />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

const modal = () => document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') as HTMLElement;

describe('CaseConfigItems', () => {
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
    "lists the case's items with their number, name, labels, version and who linked them, each linking to its page",
    async () => {
      caseApi(['ENGINEER'], [PLATFORM, LINK]);
      show();
      const first = await screen.findByTestId('case-ci-12', undefined, SLOW);
      expect(within(first).getByRole('link').getAttribute('href')).toBe('/config-items/12');
      expect(first.textContent).toContain('CI-000012 视频监控平台');
      expect(first.textContent).toContain('应用系统');
      expect(first.textContent).toContain('运行中');
      expect(first.textContent).toContain('版本 2.2');
      expect(first.textContent).toContain('王芳 于 2026-12-01 10:00 关联');
      const second = screen.getByTestId('case-ci-16');
      expect(second.textContent).toContain('业务服务');
      expect(second.textContent).toContain('规划中');
      // no display name: the username
      expect(second.textContent).toContain('engineer 于');
      expect(screen.getByTestId('case-config-items').textContent).toContain('相关配置项');
      expect(document.body.textContent).not.toMatch(/APPLICATION|IN_SERVICE|PLANNED|configItems\./);
    },
    TEST_TIMEOUT,
  );

  it(
    'says 未关联配置项 when the case names none',
    async () => {
      caseApi(['SERVICE_DESK'], []);
      show();
      expect(await screen.findByText('未关联配置项', undefined, SLOW)).toBeTruthy();
      expect(screen.queryByTestId('case-ci-12')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    "adds one of the unit's items that is neither retired nor named yet, posting its id",
    async () => {
      const fetchMock = caseApi(['SERVICE_DESK'], [PLATFORM]);
      show();
      await screen.findByTestId('case-ci-12', undefined, SLOW);
      fireEvent.click(screen.getByTestId('case-ci-add'));
      await screen.findByTestId('case-ci-select', undefined, SLOW);
      await pick('case-ci-select', 'CI-000016 · 录像调阅服务（业务服务）');
      const offered = Array.from(document.querySelectorAll('.ant-select-item-option-content')).map(
        (o) => o.textContent,
      );
      expect(offered).toEqual(['CI-000013 · 视频数据库（平台软件）', 'CI-000016 · 录像调阅服务（业务服务）']);
      fireEvent.click(screen.getByTestId('case-ci-ok'));
      await waitFor(() => expect(sentTo(fetchMock, 'POST', 'api/tickets/301/config-items')).toHaveLength(1), SLOW);
      expect(sentTo(fetchMock, 'POST', 'api/tickets/301/config-items')[0]).toEqual({ configItemId: 16 });
      await waitFor(() => expect(screen.queryByTestId('case-ci-modal')).toBeNull(), SLOW);
      expect(await screen.findByTestId('case-ci-16', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the server's refusal (already named) in the modal, in the reader's words",
    async () => {
      caseApi(['ENGINEER'], [PLATFORM], () =>
        problem(409, { reason: 'configItemOnCase', detail: '该配置项已关联到本工单' }),
      );
      show();
      fireEvent.click(await screen.findByTestId('case-ci-add', undefined, SLOW));
      await pick('case-ci-select', 'CI-000013 · 视频数据库（平台软件）');
      fireEvent.click(screen.getByTestId('case-ci-ok'));
      expect((await screen.findByTestId('case-ci-error', undefined, SLOW)).textContent).toBe('该配置项已关联到本工单');
      expect(modal()).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'asks before taking an item off the case, then sends DELETE',
    async () => {
      const fetchMock = caseApi(['SUPERVISOR'], [PLATFORM, LINK]);
      show();
      fireEvent.click(await screen.findByTestId('case-ci-remove-12', undefined, SLOW));
      expect(await screen.findByText('从本工单移除配置项「视频监控平台」？', undefined, SLOW)).toBeTruthy();
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
      fireEvent.click(await screen.findByTestId('case-ci-remove-ok-12', undefined, SLOW));
      await waitFor(() => expect(screen.queryByTestId('case-ci-12')).toBeNull(), SLOW);
      expect(sentTo(fetchMock, 'DELETE', 'api/tickets/301/config-items/12')).toHaveLength(1);
      expect(screen.getByTestId('case-ci-16')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers no add or remove on a closed case',
    async () => {
      caseApi(['SUPERVISOR'], [PLATFORM]);
      show('CLOSED');
      await screen.findByTestId('case-ci-12', undefined, SLOW);
      expect(screen.queryByTestId('case-ci-add')).toBeNull();
      expect(screen.queryByTestId('case-ci-remove-12')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers no add or remove to a process owner, who may still read the list',
    async () => {
      caseApi(['PROCESS_OWNER'], [PLATFORM]);
      show();
      await screen.findByTestId('case-ci-12', undefined, SLOW);
      expect(screen.queryByTestId('case-ci-add')).toBeNull();
      expect(screen.queryByTestId('case-ci-remove-12')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});
