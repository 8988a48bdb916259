import { App, Form } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { SignatureField } from './SignatureField';
import { attachment, formParts, json, SLOW, stubObjectUrls } from './testSupport';

/** A 2D context that accepts every drawing call (jsdom has no canvas). */
function fakeContext() {
  const calls: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get: (_target, prop) => {
        if (prop === 'canvas') return undefined;
        return (...args: unknown[]) => {
          calls.push(`${String(prop)}(${args.join(',')})`);
        };
      },
      set: () => true,
    },
  );
  return { ctx, calls };
}

const PNG = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

function draw(canvas: HTMLElement) {
  // signature_pad follows pointer events (down on the canvas, move/up on the window)
  fireEvent.pointerDown(canvas, { pointerId: 1, buttons: 1, clientX: 10, clientY: 10 });
  fireEvent.pointerMove(window, { pointerId: 1, buttons: 1, clientX: 60, clientY: 40 });
  fireEvent.pointerMove(window, { pointerId: 1, buttons: 1, clientX: 120, clientY: 80 });
  fireEvent.pointerUp(window, { pointerId: 1, buttons: 0, clientX: 120, clientY: 80 });
}

function Harness({ onValue }: { onValue: (v: unknown) => void }) {
  return (
    <App>
      <Form onValuesChange={(_, all) => onValue(all.sig)}>
        <Form.Item name="sig">
          <SignatureField ticketId={12} testId="sig" />
        </Form.Item>
      </Form>
    </App>
  );
}

describe('SignatureField', () => {
  let context: ReturnType<typeof fakeContext>;
  beforeEach(() => {
    context = fakeContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => context.ctx as unknown as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (cb: BlobCallback) {
      cb(PNG);
    });
    vi.stubGlobal('devicePixelRatio', 2);
    stubObjectUrls();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('sizes the canvas for the pixel ratio and only confirms a drawn signature', () => {
    render(<Harness onValue={() => {}} />);
    const canvas = screen.getByTestId('sig-pad') as HTMLCanvasElement;
    // jsdom lays nothing out: 300 CSS px fallback width, 200 CSS px high, both times devicePixelRatio 2
    expect(canvas.width).toBe(600);
    expect(canvas.height).toBe(400);
    expect(context.calls).toContain('scale(2,2)');
    expect(canvas.style.touchAction).toBe('none');
    expect(screen.getByTestId('sig-confirm').hasAttribute('disabled')).toBe(true);
    draw(canvas);
    expect(screen.getByTestId('sig-confirm').hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByText('Clear'));
    expect(screen.getByTestId('sig-confirm').hasAttribute('disabled')).toBe(true);
  });

  it('uploads the drawing as signature.png (SIGNATURE, PUBLIC), stores the id and shows the uploaded image', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (init?.method === 'POST' && url === 'api/tickets/12/attachments')
        return json(attachment(77, 'SIGNATURE', 'signature.png'), 201);
      if (url === 'api/tickets/12/attachments/77') return Promise.resolve(new Response(PNG, { status: 200 }));
      return json({ status: 404 }, 404);
    });
    vi.stubGlobal('fetch', fetchMock);
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);

    draw(screen.getByTestId('sig-pad'));
    fireEvent.click(screen.getByTestId('sig-confirm'));

    await waitFor(() => expect(onValue).toHaveBeenLastCalledWith(77), SLOW);
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(formParts(init)).toEqual({
      kind: 'SIGNATURE',
      visibility: 'PUBLIC',
      fileName: 'signature.png',
      type: 'image/png',
    });
    const image = await screen.findByTestId('sig-image', undefined, SLOW);
    await waitFor(() => expect(image.getAttribute('data-state')).toBe('loaded'), SLOW);
    expect((await screen.findByTestId('sig-image')).getAttribute('src')).toMatch(/^blob:/);
    expect(screen.queryByTestId('sig-pad')).toBeNull();
    expect(screen.getByTestId('sig').getAttribute('data-value')).toBe('77');

    // signing again empties the value and brings the pad back
    fireEvent.click(screen.getByTestId('sig-again'));
    await waitFor(() => expect(onValue).toHaveBeenLastCalledWith(null), SLOW);
    expect(screen.getByTestId('sig-pad')).toBeTruthy();
  });

  it('keeps the pad and says why when the server refuses the file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        json({ status: 413, title: 'Payload Too Large', errors: [{ field: 'file', message: 'too big' }] }, 413),
      ),
    );
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);
    draw(screen.getByTestId('sig-pad'));
    fireEvent.click(screen.getByTestId('sig-confirm'));
    expect((await screen.findByTestId('sig-error', undefined, SLOW)).textContent).toContain('too large');
    expect(onValue).not.toHaveBeenCalled();
    expect(screen.getByTestId('sig-pad')).toBeTruthy();
  });
});
