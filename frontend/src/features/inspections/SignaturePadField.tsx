import { Button } from 'antd';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const PAD_HEIGHT = 180;

/**
 * The customer signs on the engineer's phone: the drawing as a PNG data URL (null while empty). The inspection keeps
 * the image with its sign-off, so no case attachment is involved (an inspection is no case).
 */
export function SignaturePadField({ onChange }: { onChange: (png: string | null) => void }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas?.getContext('2d')) return;
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: '#000' });
    padRef.current = pad;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = Math.floor((canvas.offsetWidth || 300) * ratio);
    canvas.height = Math.floor(PAD_HEIGHT * ratio);
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.clear();
    const onStroke = () => onChange(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', onStroke);
    return () => {
      pad.removeEventListener('endStroke', onStroke);
      pad.off();
    };
  }, [onChange]);

  return (
    <div>
      <canvas
        ref={canvasRef}
        data-testid="inspection-signature"
        style={{ width: '100%', height: PAD_HEIGHT, border: '1px solid #d9d9d9', borderRadius: 6, touchAction: 'none' }}
      />
      <Button
        size="small"
        onClick={() => {
          padRef.current?.clear();
          onChange(null);
        }}
      >
        {t('inspections.detail.clear')}
      </Button>
    </div>
  );
}
