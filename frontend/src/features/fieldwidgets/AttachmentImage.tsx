import { Spin } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldWidgetsApi } from './api';

interface Props {
  ticketId: number;
  attachmentId: number;
  /** The server's JPEG thumbnail instead of the file itself. */
  thumbnail: boolean;
  alt: string;
  testId: string;
  style?: CSSProperties;
}

/**
 * An attachment shown as an image. API calls carry the credential in a header an <img src> cannot send,
 * so the bytes are fetched and shown through an object URL, revoked when the image goes away.
 */
export function AttachmentImage({ ticketId, attachmentId, thumbnail, alt, testId, style }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    setFailed(false);
    fieldWidgetsApi
      .image(ticketId, attachmentId, thumbnail)
      .then((blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [ticketId, attachmentId, thumbnail]);

  if (failed) {
    return (
      <span data-testid={testId} data-state="failed" style={{ ...style, fontSize: 12 }}>
        {t('fieldWidgets.imageFailed')}
      </span>
    );
  }
  if (!url) {
    return (
      <span data-testid={testId} data-state="loading" style={style}>
        <Spin size="small" />
      </span>
    );
  }
  return <img src={url} alt={alt} data-testid={testId} data-state="loaded" style={{ ...style, objectFit: 'cover' }} />;
}
