import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import { useIsPhone } from '../../shared/useIsPhone';
import {
  ARTICLE_STATUSES,
  DEVICE_TYPES,
  knowledgeApi,
  knowledgeKeys,
  type Article,
  type ArticleBody,
  type ArticleStatus,
} from './api';
import { ArticleField, useDebounced } from './SuggestionPanel';

const STATUS_COLOR: Record<ArticleStatus, string> = {
  DRAFT: 'default',
  IN_REVIEW: 'orange',
  PUBLISHED: 'green',
  RETIRED: 'red',
};

/**
 * The knowledge base (IN-4, RP-4). Staff search every article, write drafts, send them for review; supervisors
 * and process owners publish (never their own), send back and retire, and see the first-line figures. A
 * customer's user searches the published articles about their own systems.
 */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { hasRole, isCustomer } = useAuth();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [deviceType, setDeviceType] = useState<string | undefined>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const query = useDebounced(q.trim(), 300);
  const writer = !isCustomer && hasRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER');
  const figures = !isCustomer && hasRole('SUPERVISOR', 'PROCESS_OWNER', 'SERVICE_DESK', 'ADMIN');

  const articles = useQuery({
    queryKey: knowledgeKeys.list(query, status, deviceType),
    queryFn: () => knowledgeApi.list(query, status, deviceType),
  });
  const open = articles.data?.find((a) => a.id === openId) ?? null;

  return (
    <>
      <PageHeader
        title={t(isCustomer ? 'knowledge.customerTitle' : 'knowledge.title')}
        extra={
          writer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="kb-new">
              {t('knowledge.newArticle')}
            </Button>
          )
        }
      />
      {isCustomer && <Typography.Paragraph type="secondary">{t('knowledge.customerIntro')}</Typography.Paragraph>}
      {figures && <FirstLineFigures />}
      <Row gutter={[8, 8]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('knowledge.searchPlaceholder')}
            data-testid="kb-search"
          />
        </Col>
        {!isCustomer && (
          <Col xs={12} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('knowledge.allStatuses')}
              value={status}
              onChange={setStatus}
              options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.status.${s}`) }))}
              data-testid="kb-status-filter"
            />
          </Col>
        )}
        <Col xs={isCustomer ? 24 : 12} md={6}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('knowledge.allDeviceTypes')}
            value={deviceType}
            onChange={setDeviceType}
            options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`admin.deviceType.${d}`) }))}
          />
        </Col>
      </Row>
      {articles.error && <Alert type="error" showIcon message={describeError(articles.error, t)} />}
      <List
        loading={articles.isLoading}
        dataSource={articles.data ?? []}
        locale={{ emptyText: <Empty description={t('knowledge.empty')} /> }}
        data-testid="kb-list"
        renderItem={(a) => (
          <List.Item
            key={a.id}
            onClick={() => setOpenId(a.id)}
            style={{ cursor: 'pointer' }}
            data-testid={`kb-article-${a.id}`}
          >
            <List.Item.Meta
              title={<span style={{ overflowWrap: 'anywhere' }}>{a.title}</span>}
              description={
                <Space wrap size={4}>
                  {!isCustomer && <Tag color={STATUS_COLOR[a.status]}>{t(`knowledge.status.${a.status}`)}</Tag>}
                  {a.deviceTypes.map((d) => (
                    <Tag key={d}>{t(`admin.deviceType.${d}`)}</Tag>
                  ))}
                  {!isCustomer && a.usefulness > 0 && (
                    <Tag color="green">{t('knowledge.usefulness', { n: a.usefulness })}</Tag>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ArticleDrawer article={open} onClose={() => setOpenId(null)} onEdit={(a) => setEditing(a)} />
      {editing && <ArticleEditor article={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function FirstLineFigures() {
  const { t } = useTranslation();
  const rate = useQuery({ queryKey: knowledgeKeys.firstLine, queryFn: knowledgeApi.firstLineRate });
  if (!rate.data) return null;
  const r = rate.data;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={t('knowledge.firstLineTitle')} data-testid="kb-first-line">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Statistic title={t('knowledge.received')} value={r.received} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('knowledge.solvedAtDesk')} value={r.solvedAtDesk} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('knowledge.firstLineRate')}
            value={r.rate ?? '-'}
            suffix={r.rate == null ? undefined : '%'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('knowledge.solvedFromArticle')} value={r.solvedFromArticle} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('knowledge.firstLineHelp')}</Typography.Text>
    </Card>
  );
}

function ArticleDrawer({
  article,
  onClose,
  onEdit,
}: {
  article: Article | null;
  onClose: () => void;
  onEdit: (a: Article) => void;
}) {
  const { t } = useTranslation();
  const { me, hasRole, isCustomer } = useAuth();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (fn: () => Promise<Article>) => fn(),
    onSuccess: () => {
      message.success(t('knowledge.saved'));
      setNote('');
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  if (!article) return null;
  const reviewer = hasRole('SUPERVISOR', 'PROCESS_OWNER');
  const author = me?.username === article.author;
  const writer = hasRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER');
  const id = article.id;
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 640} title={article.title} data-testid="kb-drawer">
      <Space direction="vertical" style={{ width: '100%' }}>
        {!isCustomer && (
          <Space wrap>
            <Tag color={STATUS_COLOR[article.status]}>{t(`knowledge.status.${article.status}`)}</Tag>
            <Typography.Text type="secondary">
              {t('knowledge.byline', { author: article.author, reviewer: article.reviewer ?? '-' })}
            </Typography.Text>
          </Space>
        )}
        {article.reviewNote && article.status === 'DRAFT' && (
          <Alert type="warning" showIcon message={t('knowledge.returnedWith', { note: article.reviewNote })} />
        )}
        <ArticleField label={t('knowledge.symptom')} value={article.symptom} />
        <ArticleField label={t('knowledge.cause')} value={article.cause} />
        <ArticleField label={t('knowledge.solution')} value={article.solution} />
        <Space wrap size={4}>
          {article.deviceTypes.map((d) => (
            <Tag key={d}>{t(`admin.deviceType.${d}`)}</Tag>
          ))}
          {article.tags.map((tag) => (
            <Tag key={tag} color="blue">
              {tag}
            </Tag>
          ))}
        </Space>
        {!isCustomer && (
          <Space wrap>
            {writer &&
              ((article.status === 'DRAFT' && (author || reviewer)) ||
                (article.status === 'PUBLISHED' && reviewer)) && (
                <Button onClick={() => onEdit(article)} data-testid="kb-edit">
                  {t('knowledge.edit')}
                </Button>
              )}
            {article.status === 'DRAFT' && (author || reviewer) && (
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutate(() => knowledgeApi.submit(id))}
                data-testid="kb-submit"
              >
                {t('knowledge.submit')}
              </Button>
            )}
            {article.status === 'IN_REVIEW' && reviewer && !author && (
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutate(() => knowledgeApi.publish(id))}
                data-testid="kb-publish"
              >
                {t('knowledge.publish')}
              </Button>
            )}
            {article.status === 'PUBLISHED' && reviewer && (
              <Button danger loading={act.isPending} onClick={() => act.mutate(() => knowledgeApi.retire(id))}>
                {t('knowledge.retire')}
              </Button>
            )}
          </Space>
        )}
        {!isCustomer && article.status === 'IN_REVIEW' && reviewer && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('knowledge.returnNote')}
              maxLength={1000}
            />
            <Button disabled={!note.trim()} onClick={() => act.mutate(() => knowledgeApi.giveBack(id, note.trim()))}>
              {t('knowledge.giveBack')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Drawer>
  );
}

interface EditorValues {
  title: string;
  symptom: string;
  cause?: string;
  solution: string;
  deviceTypes: string[];
  tags?: string[];
}

export function ArticleEditor({ article, onClose }: { article: Article | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: ArticleBody) => (article ? knowledgeApi.edit(article.id, body) : knowledgeApi.create(body)),
    onSuccess: () => {
      message.success(t('knowledge.saved'));
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(
          e.fieldErrors.map((fe) => ({ name: fe.field as keyof EditorValues, errors: [t('knowledge.fieldInvalid')] })),
        );
      } else {
        setError(describeError(e, t));
      }
    },
  });
  const required = (key: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field: t(key) }),
  });
  return (
    <Modal
      open
      title={t(article ? 'knowledge.editTitle' : 'knowledge.newArticle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('knowledge.save')}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={article ? { ...article, cause: article.cause ?? undefined } : { deviceTypes: [], tags: [] }}
        onFinish={(v) => save.mutate({ ...v, tags: v.tags ?? [] })}
        data-testid="kb-editor"
      >
        <Form.Item name="title" label={t('knowledge.articleTitle')} rules={[required('knowledge.articleTitle')]}>
          <Input maxLength={200} data-testid="kb-title" />
        </Form.Item>
        <Form.Item name="symptom" label={t('knowledge.symptom')} rules={[required('knowledge.symptom')]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="kb-symptom" />
        </Form.Item>
        <Form.Item name="cause" label={t('knowledge.cause')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="solution" label={t('knowledge.solution')} rules={[required('knowledge.solution')]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="kb-solution" />
        </Form.Item>
        <Form.Item
          name="deviceTypes"
          label={t('knowledge.deviceTypes')}
          rules={[{ required: true, message: t('validation.choose', { field: t('knowledge.deviceTypes') }) }]}
        >
          <Select
            mode="multiple"
            options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`admin.deviceType.${d}`) }))}
            data-testid="kb-device-types"
          />
        </Form.Item>
        <Form.Item name="tags" label={t('knowledge.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
