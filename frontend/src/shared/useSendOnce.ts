import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';

/**
 * The OK handler of a modal's form that sends at most once at a time: it checks the form (a field that fails the
 * check sends nothing), clears the error line, shows it is busy and calls `send` with the checked values; a failure
 * of `send` (or of what it does afterwards) goes to `onError`, which shows it in the modal's own words (under the
 * fields through the form, or in the error line through `setError`). Once done, either way, the user may send again.
 */
export function useSendOnce<V>(
  form: Pick<FormInstance<V>, 'validateFields'>,
  send: (values: V) => Promise<void>,
  onError: (e: unknown) => void,
): { ok: () => Promise<void>; busy: boolean; error: string | null; setError: (error: string | null) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);

  const ok = async () => {
    // set before the (asynchronous) checks: a second click meanwhile must not send again
    if (sending.current) return;
    sending.current = true;
    try {
      let values: V;
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
      setBusy(true);
      setError(null);
      await send(values);
    } catch (e) {
      onError(e);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return { ok, busy, error, setError };
}
