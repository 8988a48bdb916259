import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { Suggestion } from './api';
import { SuggestionPanel } from './SuggestionPanel';

const poe: Suggestion = {
  id: 1,
  title: '摄像机黑屏、无视频图像（PoE 供电）',
  symptom: '摄像机画面黑屏，没有视频图像',
  cause: 'PoE 交换机端口供电不足',
  solution: '远程登录交换机，查看该端口的 PoE 供电状态',
  deviceTypes: ['CAMERA', 'SWITCH'],
  usefulness: 3,
  score: 65,
};

let fetchMock: ReturnType<typeof vi.fn<(input: unknown) => Promise<Response>>>;

beforeEach(async () => {
  await i18n.changeLanguage('zh');
  fetchMock = vi.fn<(input: unknown) => Promise<Response>>(() =>
    Promise.resolve(new Response(JSON.stringify([poe]), { headers: { 'Content-Type': 'application/json' } })),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const calledUrls = () => fetchMock.mock.calls.map((c) => String(c[0]));

describe('the knowledge suggestions at intake', () => {
  it('asks once, after the desk stops typing, with the text and the device type', async () => {
    const { rerender } = render(<SuggestionPanel text="黑" deviceType="CAMERA" />);
    rerender(<SuggestionPanel text="黑屏" deviceType="CAMERA" />);
    rerender(<SuggestionPanel text="路口摄像头黑屏" deviceType="CAMERA" />);
    await screen.findByTestId('kb-suggestion-1', {}, { timeout: 15_000 });
    expect(calledUrls()).toHaveLength(1);
    const url = decodeURIComponent(calledUrls()[0]);
    expect(url).toContain('/knowledge/suggestions');
    expect(url).toContain('text=路口摄像头黑屏');
    expect(url).toContain('deviceType=CAMERA');
  });

  it('says nothing for a single character and sends nothing', async () => {
    render(<SuggestionPanel text=" 黑 " />);
    expect(screen.getByTestId('kb-suggestions').textContent).toContain('输入故障标题或描述后');
    await new Promise((r) => setTimeout(r, 600));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the best match in Chinese, opens to its solution and offers “solved with this”', async () => {
    const onUse = vi.fn();
    render(<SuggestionPanel text="摄像头没有图像" onUse={onUse} />);
    const title = await screen.findByTestId('kb-suggestion-1', {}, { timeout: 15_000 });
    const panel = screen.getByTestId('kb-suggestions');
    expect(panel.textContent).toContain('知识库建议');
    expect(panel.textContent).toContain('已帮助解决 3 次');
    expect(panel.textContent).not.toMatch(/CAMERA|SWITCH|usefulness/);
    fireEvent.click(title);
    await waitFor(() => expect(panel.textContent).toContain('远程登录交换机'));
    expect(panel.textContent).toContain('处理办法');
    fireEvent.click(screen.getByTestId('kb-use-1'));
    expect(onUse).toHaveBeenCalledWith(poe);
  });

  it('says so when nothing matches', async () => {
    fetchMock.mockImplementation(() =>
      Promise.resolve(new Response('[]', { headers: { 'Content-Type': 'application/json' } })),
    );
    render(<SuggestionPanel text="请问发票什么时候开" />);
    await waitFor(() => expect(screen.getByTestId('kb-suggestions').textContent).toContain('没有匹配的知识文章'), {
      timeout: 15_000,
    });
  });
});
