import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { AttachmentImage } from './AttachmentImage';
import { fieldWidgetsApi, uploadErrorKey } from './api';
import { uploadEnded, uploadStarted } from './uploads';
import { parseIds } from './values';

/** One picked file: uploading, uploaded (with its attachment id) or refused. */
interface Item {
  key: string;
  name: string;
  state: 'uploading' | 'done' | 'failed';
  attachmentId?: number;
  error?: string;
}

interface Props {
  ticketId: number;
  /** The form field: uploads in progress are counted under it (see uploads.ts). */
  fieldId: string;
  /** Comma-separated attachment ids (the form value). */
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId: string;
}

const THUMB = 88;

let counter = 0;

/**
 * Photos of a field step: taken with the phone camera or picked from the album/files. Each file is uploaded
 * at once (kind PHOTO, visible to the customer); the field's value is the uploaded ids, comma-separated.
 */
export function PhotosField({ ticketId, fieldId, value, onChange, id, testId }: Props) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>(() =>
    parseIds(value).map((attachmentId) => ({ key: `id-${attachmentId}`, name: '', state: 'done', attachmentId })),
  );

  const ids = items.filter((i) => i.state === 'done').map((i) => i.attachmentId);
  const joined = ids.join(',');
  useEffect(() => {
    if (joined !== (value ?? '')) onChange?.(joined);
    // Only a change of the uploaded ids is news for the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joined]);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const upload = (file: File) => {
    const key = `file-${++counter}`;
    setItems((list) => [...list, { key, name: file.name, state: 'uploading' }]);
    uploadStarted(ticketId, fieldId);
    fieldWidgetsApi
      .upload(ticketId, file, file.name, 'PHOTO')
      .then((a) => update(key, { state: 'done', attachmentId: a.id }))
      .catch((e: unknown) => {
        const known = uploadErrorKey(e);
        update(key, { state: 'failed', error: known ? t(known) : describeError(e, t) });
      })
      .finally(() => uploadEnded(ticketId, fieldId));
  };

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    Array.from(event.target.files ?? []).forEach(upload);
    event.target.value = ''; // the same photo may be picked again after removing it
  };

  const uploading = items.some((i) => i.state === 'uploading');

  return (
    <div id={id} data-testid={testId} data-value={joined} style={{ maxWidth: '100%' }}>
      <Space wrap>
        <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid={`${testId}-camera`}>
          {t('fieldWidgets.photos.camera')}
        </Button>
        <Button icon={<PictureOutlined />} onClick={() => picker.current?.click()} data-testid={`${testId}-pick`}>
          {t('fieldWidgets.photos.pick')}
        </Button>
      </Space>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={picked}
        data-testid={`${testId}-camera-input`}
      />
      <input
        ref={picker}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        onChange={picked}
        data-testid={`${testId}-file-input`}
      />
      {uploading && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', marginTop: 8 }}
          data-testid={`${testId}-uploading`}
        >
          <Spin size="small" /> {t('fieldWidgets.photos.uploading')}
        </Typography.Text>
      )}
      {items.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }} data-testid={`${testId}-list`}>
          {items.map((item) => (
            <div
              key={item.key}
              data-testid={`${testId}-item`}
              data-state={item.state}
              data-attachment-id={item.attachmentId ?? ''}
              style={{
                position: 'relative',
                width: item.state === 'failed' ? '100%' : THUMB,
                minHeight: THUMB,
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                overflow: 'hidden',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
              }}
            >
              {item.state === 'done' && item.attachmentId !== undefined && (
                <AttachmentImage
                  ticketId={ticketId}
                  attachmentId={item.attachmentId}
                  thumbnail
                  alt={item.name || t('fieldWidgets.photos.photo')}
                  testId={`${testId}-thumb`}
                  style={{ width: THUMB, height: THUMB }}
                />
              )}
              {item.state === 'uploading' && <Spin size="small" />}
              {item.state === 'failed' && (
                <Typography.Text type="danger" style={{ padding: '4px 32px 4px 8px', wordBreak: 'break-word' }}>
                  {t('fieldWidgets.photos.failed', { name: item.name, reason: item.error })}
                </Typography.Text>
              )}
              {item.state !== 'uploading' && (
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={t('fieldWidgets.photos.remove')}
                  title={t('fieldWidgets.photos.remove')}
                  onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                  data-testid={`${testId}-remove`}
                  style={{ position: 'absolute', top: 2, right: 2 }}
                />
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
