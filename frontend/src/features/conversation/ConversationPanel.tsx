import { CameraOutlined, CloseOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Mentions, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, saveBlob } from '../../api/client';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import {
  conversationApi,
  conversationKeys,
  formatSize,
  mentionsIn,
  newKey,
  type AttachmentView,
  type MessageView,
  type Visibility,
} from './api';

const BODY_MAX = 4000;

/**
 * The conversation of a case with its files: on the staff ticket page (internal notes and replies to the
 * customer, @-mentions, photos from the camera and files) and in the customer portal (public replies only;
 * the server never sends a customer anything internal). Works one-handed on a 390 px wide phone.
 */
export function ConversationPanel({ ticketId, staff }: { ticketId: number; staff: boolean }) {
  const { t } = useTranslation();
  const messages = useQuery({
    queryKey: conversationKeys.messages(ticketId),
    queryFn: () => conversationApi.messages(ticketId),
  });
  const attachments = useQuery({
    queryKey: conversationKeys.attachments(ticketId),
    queryFn: () => conversationApi.attachments(ticketId),
  });
  const inMessages = new Set((messages.data ?? []).flatMap((m) => m.attachments.map((a) => a.id)));
  const otherFiles = (attachments.data ?? []).filter((a) => !inMessages.has(a.id));

  return (
    <Card title={t('conversation.title')} data-testid="conversation-panel" className="conversation-panel">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {messages.error && <Alert type="error" showIcon message={describeError(messages.error, t)} />}
        {messages.data && messages.data.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conversation.empty')} />
        )}
        {messages.data?.map((m) => (
          <Message key={m.id} message={m} ticketId={ticketId} staff={staff} />
        ))}
        {otherFiles.length > 0 && (
          <div data-testid="conversation-other-files">
            <Typography.Text type="secondary">{t('conversation.otherFiles')}</Typography.Text>
            <Files files={otherFiles} ticketId={ticketId} />
          </div>
        )}
        <Composer ticketId={ticketId} staff={staff} />
      </Space>
    </Card>
  );
}

function Message({ message, ticketId, staff }: { message: MessageView; ticketId: number; staff: boolean }) {
  const { t } = useTranslation();
  const internal = message.visibility === 'INTERNAL';
  return (
    <div
      className={`conversation-message${internal ? ' conversation-message-internal' : ''}`}
      data-testid="conversation-message"
      data-visibility={message.visibility}
      style={{
        border: '1px solid #f0f0f0',
        borderLeft: `4px solid ${internal ? '#fa8c16' : message.authorIsCustomer ? '#1677ff' : '#52c41a'}`,
        borderRadius: 6,
        padding: '8px 10px',
        background: internal ? '#fff7e6' : undefined,
        minWidth: 0,
      }}
    >
      <Space size={[6, 2]} wrap>
        <Typography.Text strong>{message.authorName}</Typography.Text>
        {internal && (
          <Tag color="orange" data-testid="internal-tag">
            {t('conversation.internalNote')}
          </Tag>
        )}
        {message.authorIsCustomer && (
          <Tag color="blue" data-testid="customer-tag">
            {staff ? t('conversation.customerReply') : t('conversation.mine')}
          </Tag>
        )}
        {!internal && !message.authorIsCustomer && staff && <Tag color="green">{t('conversation.publicReply')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(message.createdAt)}
        </Typography.Text>
      </Space>
      {message.body && (
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 4 }} data-testid="message-body">
          {message.body}
        </div>
      )}
      {message.attachments.length > 0 && <Files files={message.attachments} ticketId={ticketId} />}
    </div>
  );
}

/** Image thumbnails (tap opens the full image) and file chips with their size. */
function Files({ files, ticketId }: { files: AttachmentView[]; ticketId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [opened, setOpened] = useState<AttachmentView | null>(null);
  const open = async (file: AttachmentView) => {
    try {
      saveBlob(await conversationApi.file(ticketId, file.id), file.fileName);
    } catch (e) {
      void message.error(describeError(e, t));
    }
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 8, marginTop: 6 }}>
      {files.map((f) =>
        f.hasThumbnail ? (
          <button
            key={f.id}
            type="button"
            onClick={() => setOpened(f)}
            title={f.fileName}
            aria-label={t('conversation.openImage', { name: f.fileName })}
            data-testid="attachment-thumbnail"
            style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: 0, background: 'none', cursor: 'pointer' }}
          >
            <BlobImage
              load={() => conversationApi.thumbnail(ticketId, f.id)}
              alt={f.fileName}
              style={{ width: 96, height: 96, objectFit: 'cover', display: 'block' }}
            />
          </button>
        ) : (
          <Tag
            key={f.id}
            icon={<PaperClipOutlined />}
            style={{
              cursor: 'pointer',
              maxWidth: '100%',
              whiteSpace: 'normal',
              overflowWrap: 'anywhere',
              marginInlineEnd: 0,
            }}
            onClick={() => void open(f)}
            data-testid="attachment-chip"
          >
            {f.fileName} · {formatSize(f.size)}
          </Tag>
        ),
      )}
      <Modal
        open={opened !== null}
        onCancel={() => setOpened(null)}
        footer={null}
        title={opened?.fileName}
        width="min(960px, 96vw)"
        destroyOnHidden
      >
        {opened && (
          <BlobImage
            load={() => conversationApi.file(ticketId, opened.id)}
            alt={opened.fileName}
            style={{ maxWidth: '100%', height: 'auto', display: 'block', margin: '0 auto' }}
            testId="attachment-full-image"
          />
        )}
      </Modal>
    </div>
  );
}

/** An image fetched with the API's credentials (an <img src> cannot send a bearer token) and shown from a blob URL. */
function BlobImage({
  load,
  alt,
  style,
  testId,
}: {
  load: () => Promise<Blob>;
  alt: string;
  style: CSSProperties;
  testId?: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    loadRef
      .current()
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, []);
  if (!url) return <div style={{ ...style, background: '#f5f5f5' }} aria-label={alt} />;
  return <img src={url} alt={alt} style={style} data-testid={testId} />;
}

interface Pending {
  key: string;
  name: string;
  size: number;
  attachment?: AttachmentView;
  error?: string;
}

/** Why an upload was refused, in the page's language (the server's own detail is for developers). */
function uploadError(e: unknown, name: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (e instanceof ApiError && e.status === 413) return t('conversation.errors.tooLarge', { name });
  if (e instanceof ApiError && e.status === 415) return t('conversation.errors.unsupportedType', { name });
  return t('conversation.errors.uploadFailed', { name, reason: describeError(e, t) });
}

function Composer({ ticketId, staff }: { ticketId: number; staff: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const [pending, setPending] = useState<Pending[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sendKey = useRef(newKey());
  const cameraInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const mentionable = useQuery({
    queryKey: conversationKeys.mentionable(ticketId),
    queryFn: () => conversationApi.mentionable(ticketId),
    enabled: staff,
    staleTime: 5 * 60_000,
  });
  const usernames = (mentionable.data ?? []).map((u) => u.username);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    files.forEach((file) => {
      const key = newKey();
      setPending((p) => [...p, { key, name: file.name, size: file.size }]);
      conversationApi
        .upload(ticketId, file, staff ? visibility : undefined, key)
        .then((attachment) => setPending((p) => p.map((x) => (x.key === key ? { ...x, attachment } : x))))
        .catch((e: unknown) =>
          setPending((p) => p.map((x) => (x.key === key ? { ...x, error: uploadError(e, file.name, t) } : x))),
        );
    });
  };

  const uploaded = pending.filter((p) => p.attachment).map((p) => p.attachment!.id);
  const uploading = pending.some((p) => !p.attachment && !p.error);
  const canSend = !sending && !uploading && (body.trim().length > 0 || uploaded.length > 0);

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await conversationApi.post(
        ticketId,
        {
          body: body.trim() ? body : undefined,
          visibility: staff ? visibility : 'PUBLIC',
          attachmentIds: uploaded,
          mentions: staff ? mentionsIn(body, usernames) : [],
        },
        sendKey.current,
      );
      sendKey.current = newKey();
      setBody('');
      setPending([]);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.messages(ticketId) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.attachments(ticketId) }),
      ]);
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) sendKey.current = newKey();
      setError(describeError(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <div data-testid="conversation-composer" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        {staff && (
          <Radio.Group
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as Visibility)}
            optionType="button"
            buttonStyle="solid"
            data-testid="visibility-toggle"
          >
            <Radio.Button value="INTERNAL" data-testid="visibility-internal">
              {t('conversation.internalNote')}
            </Radio.Button>
            <Radio.Button value="PUBLIC" data-testid="visibility-public">
              {t('conversation.replyToCustomer')}
            </Radio.Button>
          </Radio.Group>
        )}
        {staff ? (
          <Mentions
            value={body}
            onChange={setBody}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={BODY_MAX}
            placeholder={
              visibility === 'INTERNAL' ? t('conversation.internalPlaceholder') : t('conversation.publicPlaceholder')
            }
            options={(mentionable.data ?? []).map((u) => ({
              value: u.username,
              label: `${u.displayName} (@${u.username})`,
            }))}
            notFoundContent={t('conversation.noColleague')}
            data-testid="conversation-body"
            aria-label={t('conversation.message')}
          />
        ) : (
          <Input.TextArea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={BODY_MAX}
            placeholder={t('conversation.customerPlaceholder')}
            data-testid="conversation-body"
            aria-label={t('conversation.message')}
          />
        )}
        {pending.length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} data-testid="pending-files">
            {pending.map((p) => (
              <Tag
                key={p.key}
                color={p.error ? 'error' : p.attachment ? 'default' : 'processing'}
                closable
                closeIcon={<CloseOutlined aria-label={t('conversation.removeFile', { name: p.name })} />}
                onClose={() => setPending((list) => list.filter((x) => x.key !== p.key))}
                style={{ maxWidth: '100%', whiteSpace: 'normal', overflowWrap: 'anywhere', marginInlineEnd: 0 }}
                data-testid="pending-file"
              >
                {p.error ?? `${p.name} · ${p.attachment ? formatSize(p.attachment.size) : t('conversation.uploading')}`}
              </Tag>
            ))}
          </div>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="conversation-error" />}
        <Space wrap>
          <Button icon={<CameraOutlined />} onClick={() => cameraInput.current?.click()} data-testid="take-photo">
            {t('conversation.takePhoto')}
          </Button>
          <Button icon={<PaperClipOutlined />} onClick={() => fileInput.current?.click()} data-testid="attach-file">
            {t('conversation.attachFile')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!canSend}
            loading={sending}
            onClick={() => void send()}
            data-testid="conversation-send"
          >
            {t('conversation.send')}
          </Button>
        </Space>
        <input
          ref={cameraInput}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          onChange={onFiles}
          data-testid="camera-input"
        />
        <input ref={fileInput} type="file" multiple hidden onChange={onFiles} data-testid="file-input" />
      </Space>
    </div>
  );
}
