import { App, Button, Card, Form, Input, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/tags';
import { caseLinkApi, caseLinkKeys, idFromNumber, type LinkKind } from './api';

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
  otherNumber: string;
  kind: LinkKind;
}

/**
 * The case page's "linked cases" section: every linked case with number (a link), title, status and relation; the
 * desk and supervisors link another case by its number, or unlink one. onChanged reloads the case (its timeline,
 * and its status when it was closed as a duplicate).
 */
export function LinkedCases({ ticketId, onChanged }: { ticketId: number; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const mayLink = hasRole('SERVICE_DESK', 'SUPERVISOR');
  const links = useQuery({ queryKey: caseLinkKeys.links(ticketId), queryFn: () => caseLinkApi.links(ticketId) });

  const add = async (values: AddValues) => {
    const otherId = idFromNumber(values.otherNumber);
    if (otherId == null) {
      form.setFields([{ name: 'otherNumber', errors: [t('caseLinks.otherNumberInvalid')] }]);
      return;
    }
    setBusy(true);
    try {
      await caseLinkApi.link(ticketId, otherId, values.kind);
      message.success(t('caseLinks.added'));
      form.resetFields();
      await links.refetch();
      await onChanged();
    } catch (e) {
      const fieldError = e instanceof ApiError ? e.fieldErrors[0] : undefined;
      const key = refusalKey(fieldError?.message);
      form.setFields([
        { name: fieldError?.field === 'kind' ? 'kind' : 'otherNumber', errors: [key ? t(key) : describeError(e, t)] },
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
                  <br />
                  {t('caseLinks.linkedBy', { user: l.linkedBy, time: formatDateTime(l.linkedAt) })}
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
            name="otherNumber"
            label={t('caseLinks.otherNumber')}
            rules={[{ required: true, whitespace: true, message: t('caseLinks.otherNumberInvalid') }]}
            style={{ marginTop: 8 }}
          >
            <Input placeholder={t('caseLinks.otherNumberHint')} data-testid="link-case-number" />
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
