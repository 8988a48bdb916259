import { Alert, Button, Space, Typography } from 'antd';
import SignaturePad from 'signature_pad';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import { isOfflineError, isPendingRef, keepUpload } from '../offline';
import { AttachmentImage } from './AttachmentImage';
import { fieldWidgetsApi, uploadErrorKey } from './api';

/** CSS height of the pad; the width is the form's. */
const PAD_HEIGHT = 200;

interface Props {
  ticketId: number;
  /**
   * The uploaded signature's attachment id (the form value); with keepOffline, a placeholder `pending:<key>`
   * while the drawing waits on the phone for the signal (task forms send it through the offline outbox).
   */
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
  /** Without signal keep the drawing on the phone instead of failing (only where the form goes through the outbox). */
  keepOffline?: boolean;
  id?: string;
  testId: string;
}

/** The drawing as a PNG file; toBlob where the browser has it, else decoded from the data URL. */
async function pngOf(canvas: HTMLCanvasElement, pad: SignaturePad): Promise<Blob> {
  if (typeof canvas.toBlob === 'function') {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) return blob;
  }
  const [, base64] = pad.toDataURL('image/png').split(',');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * The customer's tester signs on the engineer's phone (or in the portal). 确认签名 uploads the drawing as a PNG
 * attachment (kind SIGNATURE, visible to the customer) and the field's value becomes its id; the uploaded
 * image is shown instead of the pad until someone signs again.
 */
export function SignatureField({ ticketId, value, onChange, id, testId, keepOffline = false }: Props) {
  const user = useSignedInUser() ?? '';
  const kept = isPendingRef(value);
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signed = (typeof value === 'number' && value > 0) || kept;

  /** Sizes the canvas's pixels to its CSS box times the screen's pixel ratio, keeping what is drawn. */
  const resize = useCallback(() => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const width = canvas.offsetWidth || canvas.parentElement?.clientWidth || 300;
    const strokes = pad.toData();
    canvas.width = Math.floor(width * ratio);
    canvas.height = Math.floor(PAD_HEIGHT * ratio);
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.clear();
    if (strokes.length > 0) pad.fromData(strokes);
  }, []);

  useEffect(() => {
    // no 2D context (a browser without canvas): the pad stays blank instead of breaking the page
    if (signed || !canvasRef.current?.getContext('2d')) return;
    // A white background: the PNG is printed on the service form and shown on dark screens too.
    const pad = new SignaturePad(canvasRef.current, { backgroundColor: 'rgb(255,255,255)', penColor: '#000' });
    padRef.current = pad;
    const onStroke = () => setEmpty(pad.isEmpty());
    pad.addEventListener('endStroke', onStroke);
    resize();
    setEmpty(true);
    window.addEventListener('resize', resize);
    window.addEventListener('orientationchange', resize);
    return () => {
      window.removeEventListener('resize', resize);
      window.removeEventListener('orientationchange', resize);
      pad.removeEventListener('endStroke', onStroke);
      pad.off();
      padRef.current = null;
    };
  }, [signed, resize]);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    setError(null);
  };

  const confirm = async () => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad || pad.isEmpty()) {
      setError(t('fieldWidgets.signature.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const png = await pngOf(canvas, pad);
      const idempotencyKey = newIdempotencyKey();
      try {
        const attachment = await fieldWidgetsApi.upload(ticketId, png, 'signature.png', 'SIGNATURE', idempotencyKey);
        onChange?.(attachment.id);
      } catch (e) {
        if (!keepOffline || !isOfflineError(e)) throw e;
        // no signal: the drawing stays on the phone and is uploaded before the form is sent
        const file = {
          key: idempotencyKey,
          ticketId,
          fileName: 'signature.png',
          kind: 'SIGNATURE' as const,
          file: png,
          user,
        };
        onChange?.(await keepUpload(file));
      }
    } catch (e) {
      const known = uploadErrorKey(e);
      setError(known ? t(known) : t('fieldWidgets.signature.failed', { reason: describeError(e, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div id={id} data-testid={testId} data-value={signed ? String(value) : ''} style={{ width: '100%' }}>
      {signed ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {typeof value === 'number' && (
            <AttachmentImage
              ticketId={ticketId}
              attachmentId={value}
              thumbnail={false}
              alt={t('fieldWidgets.signature.image')}
              testId={`${testId}-image`}
              style={{ display: 'block', width: '100%', maxWidth: 480, height: 'auto', border: '1px solid #d9d9d9' }}
            />
          )}
          {kept ? (
            <Typography.Text type="warning" data-testid={`${testId}-kept`}>
              {t('fieldWidgets.signature.kept')}
            </Typography.Text>
          ) : (
            <Typography.Text type="success" data-testid={`${testId}-done`}>
              {t('fieldWidgets.signature.saved')}
            </Typography.Text>
          )}
          <Button onClick={() => onChange?.(null)} data-testid={`${testId}-again`}>
            {t('fieldWidgets.signature.again')}
          </Button>
        </Space>
      ) : (
        <>
          <Typography.Text type="secondary">{t('fieldWidgets.signature.hint')}</Typography.Text>
          <canvas
            ref={canvasRef}
            data-testid={`${testId}-pad`}
            aria-label={t('fieldWidgets.signature.pad')}
            style={{
              display: 'block',
              width: '100%',
              height: PAD_HEIGHT,
              marginTop: 4,
              border: '1px dashed #8c8c8c',
              borderRadius: 6,
              background: '#fff',
              touchAction: 'none',
            }}
          />
          {error && (
            <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} data-testid={`${testId}-error`} />
          )}
          <Space wrap style={{ marginTop: 8 }}>
            <Button onClick={clear} disabled={busy} data-testid={`${testId}-clear`}>
              {t('fieldWidgets.signature.clear')}
            </Button>
            <Button
              type="primary"
              onClick={() => void confirm()}
              loading={busy}
              disabled={empty}
              data-testid={`${testId}-confirm`}
            >
              {t('fieldWidgets.signature.confirm')}
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}
