import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n, { acceptLanguage } from '../i18n';
import { api, download } from './client';

function headersOf(fetchMock: ReturnType<typeof vi.fn>, call = 0): Record<string, string> {
  return (fetchMock.mock.calls[call][1] as RequestInit).headers as Record<string, string>;
}

function answering(body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const fetchMock = vi.fn(async () => new Response(body, { status: 200, headers }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('API client language', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('asks for Simplified Chinese while the page is in Chinese, so the server writes timelines in it', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = answering('[]');

    await api.get('/tickets/12');

    expect(headersOf(fetchMock)['Accept-Language']).toBe('zh-CN');
  });

  it('follows a language switch on the next call', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = answering('{}');
    await api.post('/tickets/12/hold', { reason: 'CUSTOMER' });

    await i18n.changeLanguage('en');
    await api.get('/tickets/12');

    expect(headersOf(fetchMock, 0)['Accept-Language']).toBe('zh-CN');
    expect(headersOf(fetchMock, 1)['Accept-Language']).toBe('en');
  });

  it('asks for the page language on file downloads too (Excel exports)', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = answering('xlsx', { 'Content-Disposition': 'attachment; filename="board.xlsx"' });
    URL.createObjectURL = vi.fn(() => 'blob:board');
    URL.revokeObjectURL = vi.fn();

    await download('/sla/board.xlsx', undefined, 'sla-board.xlsx');

    expect(headersOf(fetchMock)['Accept-Language']).toBe('zh-CN');
  });

  it('maps any Chinese UI language to zh-CN and everything else to English', () => {
    expect(acceptLanguage('zh')).toBe('zh-CN');
    expect(acceptLanguage('zh-CN')).toBe('zh-CN');
    expect(acceptLanguage('en')).toBe('en');
    expect(acceptLanguage('en-US')).toBe('en');
  });
});
