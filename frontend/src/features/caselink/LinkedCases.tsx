import { App, Button, Card, Form, List, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/tags';
import { caseLinkApi, caseLinkKeys, type LinkKind } from './api';
import { useDebounced } from './useDebounced';

/** The server's refusals of a link (LinkCases), in the reader's language. */
const REFUSALS: [RegExp, string][] = [
  [/linked to itself/, 'caseLinks.errSelf'],
  [/unknown case/, 'caseLinks.errUnknown'],
  [/another customer/, 'caseLinks.errOtherCustomer'],
  [/is closed/, 'caseLinks.errClosed'],
  [/itself a duplicate/, 'caseLinks.errChain'],
  [/another way/, 'caseLinks.errOtherWay'],
  [/being worked on/, 'caseLinks.errWorked'],
];

export function refusalKey(serverMessage: string | undefined): string | undefined {
  return REFUSALS.find(([pattern]) => serverMessage && pattern.test(serverMessage))?.[1];
}

interface AddValues {
  otherTicketId: number;
  kind: LinkKind;
}

/** Characters typed before the picker asks the server (one Chinese character is a word already). */
const MIN_QUERY = 1;

/**
 * Picks the other case by searching the case list (number, title, requester, phone, site, device...) and answers
 * its id (ADR 0042): a case is never linked by digits read out of a typed number. The case on screen (`ticketId`) is
 * not offered. Also the related-case field of other forms (a security incident's case), as a form control.
 */
export function CasePicker({
  ticketId,
  value,
  onChange,
  testId = 'link-case-picker',
}: {
  ticketId?: number;
  value?: number;
  onChange?: (id: number | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const found = useQuery({
    queryKey: caseLinkKeys.pick(q),
    queryFn: () => caseLinkApi.findCases(q),
    enabled: q.length >= MIN_QUERY,
    staleTime: 10_000,
  });
  const cases = (found.data?.content ?? []).filter((c) => c.id !== ticketId);
  const waiting = typed.trim() !== q || found.isFetching;
  const notFound =
    q.length < MIN_QUERY ? (
      t('caseLinks.pickerHint')
    ) : waiting ? (
      <Spin size="small" />
    ) : (
      t('caseLinks.pickerNone', { q })
    );
  return (
    <Select<number>
      showSearch
      allowClear
      value={value}
      onChange={(id) => onChange?.(id)}
      filterOption={false}
      onSearch={setTyped}
      placeholder={t('caseLinks.pickerPlaceholder')}
      notFoundContent={notFound}
      data-testid={testId}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      options={cases.map((c) => ({
        value: c.id,
        label: `${c.number} · ${c.title}`,
      }))}
      optionRender={(option) => {
        const c = cases.find((x) => x.id === option.value);
        return (
          <div
            data-testid={`link-case-option-${option.value}`}
            style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
          >
            <Space size={4} wrap>
              <Typography.Text strong>{c?.number}</Typography.Text>
              {c && <StatusTag status={c.status} />}
            </Space>
            <div>{c?.title}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c?.siteName}
              {c?.deviceName ? ` · ${c.deviceName}` : ''}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}

/**
 * The case page's "linked cases" section: every linked case with number (a link), title, status and relation; the
 * desk and supervisors pick another case by searching for it, or unlink one. onChanged reloads the case (its
 * timeline, and its status when it was closed as a duplicate). readOnly: the customer's portal (ADR 0042): their own
 * unit's linked cases only (the server leaves others out), no picker, no unlink, not who linked; hidden when none.
 */
export function LinkedCases({
  ticketId,
  onChanged,
  readOnly = false,
}: {
  ticketId: number;
  onChanged: () => Promise<void> | void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const mayLink = !readOnly && hasRole('SERVICE_DESK', 'SUPERVISOR');
  const links = useQuery({ queryKey: caseLinkKeys.links(ticketId), queryFn: () => caseLinkApi.links(ticketId) });

  const add = async (values: AddValues) => {
    setBusy(true);
    try {
      await caseLinkApi.link(ticketId, values.otherTicketId, values.kind);
      message.success(t('caseLinks.added'));
      form.resetFields();
      await links.refetch();
      await onChanged();
    } catch (e) {
      const fieldError = e instanceof ApiError ? e.fieldErrors[0] : undefined;
      const key = refusalKey(fieldError?.message);
      form.setFields([
        { name: fieldError?.field === 'kind' ? 'kind' : 'otherTicketId', errors: [key ? t(key) : describeError(e, t)] },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const unlink = async (otherId: number) => {
    try {
      await caseLinkApi.unlink(ticketId, otherId);
      message.success(t('caseLinks.unlinked'));
      await links.refetch();
      await onChanged();
    } catch (e) {
      message.error(describeError(e, t));
    }
  };

  if (readOnly && !links.data?.length) return null;

  return (
    <Card title={t('caseLinks.sectionTitle')} data-testid="linked-cases">
      <List
        size="small"
        loading={links.isFetching && !links.data}
        locale={{ emptyText: t('caseLinks.none') }}
        dataSource={links.data ?? []}
        renderItem={(l) => (
          <List.Item
            data-testid={`linked-case-${l.ticketId}`}
            data-kind={l.kind}
            actions={
              mayLink
                ? [
                    <Popconfirm
                      key="unlink"
                      title={t('caseLinks.confirmUnlink', { number: l.number })}
                      onConfirm={() => void unlink(l.ticketId)}
                    >
                      <Button size="small" type="link" danger data-testid={`unlink-${l.ticketId}`}>
                        {t('caseLinks.unlink')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Link to={`/tickets/${l.ticketId}`}>{l.number}</Link>
                  <StatusTag status={l.status} />
                  <Typography.Text type="secondary">{t(`caseLink.${l.kind}`)}</Typography.Text>
                </Space>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  {l.title}
                  {!readOnly && (
                    <>
                      <br />
                      {t('caseLinks.linkedBy', { user: l.linkedBy, time: formatDateTime(l.linkedAt) })}
                    </>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
      {mayLink && (
        <Form<AddValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'RELATED' }}
          onFinish={(v) => void add(v)}
          style={{ marginTop: 12 }}
          data-testid="link-case-form"
        >
          <Typography.Text strong>{t('caseLinks.addTitle')}</Typography.Text>
          <Form.Item
            name="otherTicketId"
            label={t('caseLinks.otherCase')}
            rules={[{ required: true, message: t('caseLinks.pickerRequired') }]}
            style={{ marginTop: 8 }}
          >
            <CasePicker ticketId={ticketId} />
          </Form.Item>
          <Form.Item name="kind" label={t('caseLinks.addKind')}>
            <Select
              data-testid="link-case-kind"
              options={[
                { value: 'RELATED', label: t('caseLinks.kindRelated') },
                { value: 'DUPLICATE_OF', label: t('caseLinks.kindDuplicateOf') },
              ]}
            />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="link-case-submit">
            {t('caseLinks.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
