import { CameraOutlined, CloseOutlined, CloudUploadOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import { discardUpload, isOfflineError, isPendingRef, keepUpload, PENDING_PREFIX, takenNow } from '../offline';
import { AttachmentImage } from './AttachmentImage';
import { fieldWidgetsApi, uploadErrorKey } from './api';
import { uploadEnded, uploadStarted } from './uploads';
import { parseIds } from './values';

/**
 * One picked file: uploading, uploaded (with its attachment id), kept on the phone without signal (with its
 * placeholder `pending:<key>`, uploaded before the form is sent) or refused.
 */
interface Item {
  key: string;
  name: string;
  state: 'uploading' | 'done' | 'kept' | 'failed';
  attachmentId?: number;
  /** kept: the placeholder the form value holds. */
  ref?: string;
  /** kept: a local preview of the photo (an object URL). */
  preview?: string;
  error?: string;
}

/** Form value parts: attachment ids and placeholders of photos kept without signal. */
function itemsOf(value: string | undefined): Item[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((part): Item[] => {
      if (isPendingRef(part)) return [{ key: part, name: '', state: 'kept', ref: part }];
      const ids = parseIds(part);
      return ids.map((attachmentId) => ({ key: `id-${attachmentId}`, name: '', state: 'done', attachmentId }));
    });
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

/** A local preview of a kept photo; none where the browser cannot make object URLs (tests). */
function previewOf(file: Blob): string | undefined {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : undefined;
}

/**
 * Photos of a field step: taken with the phone camera or picked from the album/files. Each file is uploaded
 * at once (kind PHOTO, visible to the customer); the field's value is the uploaded ids, comma-separated.
 */
export function PhotosField({ ticketId, fieldId, value, onChange, id, testId }: Props) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const user = useSignedInUser() ?? '';
  const [items, setItems] = useState<Item[]>(() => itemsOf(value));

  const ids = items
    .filter((i) => i.state === 'done' || i.state === 'kept')
    .map((i) => (i.state === 'kept' ? i.ref : i.attachmentId));
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
    // made once per photo: the upload and every resend of it are one upload to the server
    const idempotencyKey = newIdempotencyKey();
    const takenAt = takenNow();
    fieldWidgetsApi
      .upload(ticketId, file, file.name, 'PHOTO', idempotencyKey)
      .then((a) => update(key, { state: 'done', attachmentId: a.id }))
      .catch(async (e: unknown) => {
        if (isOfflineError(e)) {
          // no signal: keep the photo on the phone; it is uploaded before the form is sent
          try {
            const ref = await keepUpload({
              key: idempotencyKey,
              ticketId,
              fileName: file.name,
              kind: 'PHOTO',
              file,
              user,
              takenAt,
            });
            update(key, { state: 'kept', ref, preview: previewOf(file) });
            return;
          } catch {
            // no IndexedDB (private mode on some browsers): told as a failed upload below
          }
        }
        const known = uploadErrorKey(e);
        update(key, { state: 'failed', error: known ? t(known) : describeError(e, t) });
      })
      .finally(() => uploadEnded(ticketId, fieldId));
  };

  const remove = (item: Item) => {
    setItems((list) => list.filter((i) => i.key !== item.key));
    if (item.ref) void discardUpload(item.ref.slice(PENDING_PREFIX.length)).catch(() => undefined);
    if (item.preview) URL.revokeObjectURL(item.preview);
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
              {item.state === 'kept' &&
                (item.preview ? (
                  <img
                    src={item.preview}
                    alt={item.name || t('fieldWidgets.photos.photo')}
                    style={{ width: THUMB, height: THUMB, objectFit: 'cover' }}
                  />
                ) : (
                  <CloudUploadOutlined style={{ fontSize: 28 }} />
                ))}
              {item.state === 'kept' && (
                <Typography.Text
                  type="warning"
                  data-testid={`${testId}-kept`}
                  title={t('fieldWidgets.photos.kept')}
                  style={{
                    position: 'absolute',
                    bottom: 0,
                    left: 0,
                    right: 0,
                    fontSize: 11,
                    textAlign: 'center',
                    background: 'rgba(255,255,255,0.85)',
                  }}
                >
                  {t('fieldWidgets.photos.keptShort')}
                </Typography.Text>
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
                  onClick={() => remove(item)}
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
