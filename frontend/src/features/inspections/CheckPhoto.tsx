import { Image, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBlob, sendsAuthHeader } from '../../api/client';

const SIZE = 64;

/**
 * A checklist line's recorded photo, read from its own URL (ADR 0082), never from the inspection's JSON. With the
 * session cookie the browser loads it itself, lazily and from its cache (the server lets it keep a photo a day). When
 * API calls carry an Authorization header (Keycloak), an <img src> could not send it: the bytes are then fetched
 * once the line scrolls into view and shown through an object URL, revoked when the line goes away.
 */
export function CheckPhoto({ url, testId }: { url: string; testId: string }) {
  const { t } = useTranslation();
  // "/api/inspections/5/photos/9" → "api/inspections/5/photos/9": API paths are relative to the page, as every call's
  const path = url.replace(/^\//, '');
  const direct = !sendsAuthHeader();
  const box = useRef<HTMLSpanElement>(null);
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (direct) return;
    let live = true;
    let made: string | null = null;
    const load = () =>
      getBlob(`/${path.replace(/^api\//, '')}`)
        .then((blob) => {
          if (!live) return;
          made = URL.createObjectURL(blob);
          setObjectUrl(made);
        })
        .catch(() => live && setFailed(true));
    let observer: IntersectionObserver | undefined;
    if (typeof IntersectionObserver === 'undefined' || !box.current) {
      void load();
    } else {
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer?.disconnect();
          void load();
        }
      });
      observer.observe(box.current);
    }
    return () => {
      live = false;
      observer?.disconnect();
      if (made) URL.revokeObjectURL(made);
    };
  }, [direct, path]);

  const src = direct ? path : objectUrl;
  return (
    <span
      ref={box}
      data-testid={testId}
      style={{ display: 'inline-flex', width: SIZE, height: SIZE, alignItems: 'center', justifyContent: 'center' }}
    >
      {failed ? (
        <span style={{ fontSize: 12 }}>{t('inspections.detail.photoFailed')}</span>
      ) : src ? (
        <Image
          src={src}
          loading="lazy"
          alt={t('inspections.detail.photoAlt')}
          width={SIZE}
          height={SIZE}
          style={{ objectFit: 'cover' }}
        />
      ) : (
        <Spin size="small" />
      )}
    </span>
  );
}
