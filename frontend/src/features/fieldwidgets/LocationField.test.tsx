import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { TaskForm } from '../tasks';
import { SLOW } from './testSupport';

const task: Task = {
  id: 't5',
  key: 'checkIn',
  name: 'Check in',
  ticketId: 12,
  ticketNumber: 'INC-2026-000012',
  ticketTitle: 'Camera offline',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-03-10T01:00:00Z',
  formFields: [
    // marked required on purpose: a phone that shares no position must still not block the step
    { id: 'checkInLocation', label: 'Location', type: 'string', required: true, properties: { widget: 'location' } },
  ],
};

type Answer = { coords: { latitude: number; longitude: number; accuracy: number } } | { code: number };

function stubGeolocation(answer: Answer) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback, _options?: PositionOptions) => {
    if ('coords' in answer) ok(answer as unknown as GeolocationPosition);
    else fail({ code: answer.code, message: 'x', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
  });
  vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
  return getCurrentPosition;
}

function renderForm() {
  const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetchMock);
  const onDone = vi.fn();
  render(
    <App>
      <TaskForm task={task} onDone={onDone} loadEngineers={() => Promise.resolve([])} />
    </App>,
  );
  return { fetchMock, onDone };
}

describe('location widget in a task form', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('asks for a high-accuracy position within 10 s, shows it rounded and posts it as JSON', async () => {
    const geo = stubGeolocation({ coords: { latitude: 31.2304167, longitude: 121.4737012, accuracy: 24.6 } });
    const { fetchMock, onDone } = renderForm();

    fireEvent.click(screen.getByText('Get current location'));
    expect(geo.mock.calls[0][2]).toMatchObject({ enableHighAccuracy: true, timeout: 10_000 });
    expect((await screen.findByTestId('input-checkInLocation-shown', undefined, SLOW)).textContent).toBe(
      'Lat 31.23042, long 121.47370 (accurate to about 25 m)',
    );

    fireEvent.click(screen.getByTestId('complete-checkIn'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    const body = JSON.parse(String(fetchMock.mock.calls[0][1].body));
    expect(JSON.parse(body.checkInLocation)).toEqual({ lat: 31.230417, lng: 121.473701, accuracy: 25 });
  });

  it('shows the position in Chinese', async () => {
    await i18n.changeLanguage('zh');
    stubGeolocation({ coords: { latitude: 31.2304167, longitude: 121.4737012, accuracy: 24.6 } });
    renderForm();
    fireEvent.click(screen.getByText('获取当前位置'));
    // (a `lng` placeholder would be taken by i18next as the language and print the English text)
    expect((await screen.findByTestId('input-checkInLocation-shown', undefined, SLOW)).textContent).toBe(
      '纬度 31.23042，经度 121.47370（精度约 25 米）',
    );
  });

  it('says in Chinese that the position was refused, leaves the field empty and still completes', async () => {
    await i18n.changeLanguage('zh');
    stubGeolocation({ code: 1 });
    const { fetchMock, onDone } = renderForm();

    fireEvent.click(screen.getByText('获取当前位置'));
    expect((await screen.findByTestId('input-checkInLocation-problem', undefined, SLOW)).textContent).toContain(
      '未获得定位权限',
    );
    expect(screen.queryByTestId('input-checkInLocation-shown')).toBeNull();

    fireEvent.click(screen.getByTestId('complete-checkIn'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    expect(JSON.parse(String(fetchMock.mock.calls[0][1].body))).toEqual({});
  });

  it.each([
    [2, '无法确定位置'],
    [3, '10 秒内未获取到位置'],
  ])('explains geolocation error %i in Chinese', async (code, text) => {
    await i18n.changeLanguage('zh');
    stubGeolocation({ code });
    renderForm();
    fireEvent.click(screen.getByText('获取当前位置'));
    expect((await screen.findByTestId('input-checkInLocation-problem', undefined, SLOW)).textContent).toContain(text);
  });

  it('says so when the browser has no geolocation', async () => {
    vi.stubGlobal('navigator', { ...navigator, geolocation: undefined });
    renderForm();
    fireEvent.click(screen.getByText('Get current location'));
    expect((await screen.findByTestId('input-checkInLocation-problem', undefined, SLOW)).textContent).toContain(
      'cannot share a location',
    );
  });
});
