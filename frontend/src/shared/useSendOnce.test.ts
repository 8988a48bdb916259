import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSendOnce } from './useSendOnce';

interface Values {
  note: string;
}

/** A promise with its resolve and reject at hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useSendOnce', () => {
  it('does not send a second time while the first is still being checked or sent', async () => {
    const check = deferred<Values>();
    const validateFields = vi.fn().mockReturnValueOnce(check.promise).mockResolvedValue({ note: 'again' });
    const sent = deferred<void>();
    const send = vi.fn(() => sent.promise);
    const { result } = renderHook(() => useSendOnce<Values>({ validateFields }, send, vi.fn()));

    let first!: Promise<void>;
    await act(async () => {
      first = result.current.ok();
      // a second click while the form is still being checked
      await result.current.ok();
    });
    expect(validateFields).toHaveBeenCalledTimes(1);

    await act(async () => {
      check.resolve({ note: 'hello' });
      await Promise.resolve();
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ note: 'hello' });
    expect(result.current.busy).toBe(true);

    // and another while it is being sent
    await act(() => result.current.ok());
    expect(send).toHaveBeenCalledTimes(1);

    await act(async () => {
      sent.resolve();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });

  it('sends nothing when a field fails its check, and may be tried again', async () => {
    const validateFields = vi
      .fn()
      .mockRejectedValueOnce({ errorFields: [{ name: ['note'], errors: ['required'] }] })
      .mockResolvedValue({ note: 'now' });
    const send = vi.fn(() => Promise.resolve());
    const onError = vi.fn();
    const { result } = renderHook(() => useSendOnce<Values>({ validateFields }, send, onError));

    await act(() => result.current.ok());
    expect(send).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);

    await act(() => result.current.ok());
    expect(send).toHaveBeenCalledWith({ note: 'now' });
  });

  it('hands a failure to onError and lets the user try again; a new try clears the error line', async () => {
    const validateFields = vi.fn().mockResolvedValue({ note: 'hello' });
    const failure = new Error('refused');
    const send = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue(undefined);
    const { result } = renderHook(() => {
      const hook = useSendOnce<Values>({ validateFields }, send, (e) => hook.setError((e as Error).message));
      return hook;
    });

    await act(() => result.current.ok());
    expect(send).toHaveBeenCalledTimes(1);
    expect(result.current.error).toBe('refused');
    expect(result.current.busy).toBe(false);

    await act(() => result.current.ok());
    expect(send).toHaveBeenCalledTimes(2);
    expect(result.current.error).toBeNull();
  });
});
