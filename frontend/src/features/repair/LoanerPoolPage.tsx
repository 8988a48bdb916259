import { App, Button, Card, Form, Input, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { describeError } from '../../shared/errors';
import { repairApi, repairKeys, type Loaner } from './api';

type NewLoaner = { model: string; serial: string; keptAt: string };

/** The loaner pool (备机池, RR-4): every unit with where it is kept and whether it is on loan; the desk adds units. */
export function LoanerPoolPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewLoaner>();
  const { data, isLoading } = useQuery({ queryKey: repairKeys.loaners, queryFn: repairApi.loaners });
  const add = useMutation({
    mutationFn: (v: NewLoaner) => repairApi.addLoaner(v),
    onSuccess: async () => {
      void message.success(t('loanerPool.added'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: repairKeys.loaners });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors?.length) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field as keyof NewLoaner, errors: [f.message] })));
      } else {
        void message.error(describeError(e, t));
      }
    },
  });
  return (
    <div data-testid="loaner-pool-page">
      <PageHeader title={t('loanerPool.title')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('loanerPool.add')}>
          <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} style={{ maxWidth: 520 }}>
            <Form.Item name="model" label={t('loanerPool.model')} rules={[{ required: true, max: 200 }]}>
              <Input data-testid="loaner-model" />
            </Form.Item>
            <Form.Item name="serial" label={t('loanerPool.serial')} rules={[{ required: true, max: 200 }]}>
              <Input data-testid="loaner-serial" />
            </Form.Item>
            <Form.Item name="keptAt" label={t('loanerPool.keptAt')} rules={[{ required: true, max: 200 }]}>
              <Input data-testid="loaner-kept-at" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="loaner-add">
              {t('loanerPool.add')}
            </Button>
          </Form>
        </Card>
        <ResponsiveTable<Loaner>
          rowKey="id"
          loading={isLoading}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: t('loanerPool.empty') }}
          cardTitle={(l) => `${l.model} · ${l.serial}`}
          cardHidden={['model', 'serial']}
          onRow={(l) => ({ 'data-testid': `loaner-row-${l.serial}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'model', dataIndex: 'model', title: t('loanerPool.model') },
            { key: 'serial', dataIndex: 'serial', title: t('loanerPool.serial') },
            { key: 'keptAt', dataIndex: 'keptAt', title: t('loanerPool.keptAt') },
            {
              key: 'status',
              dataIndex: 'status',
              title: t('loanerPool.status'),
              render: (s: string) => (
                <Tag color={s === 'AVAILABLE' ? 'green' : 'orange'}>
                  {t(`loanerPool.${s === 'AVAILABLE' ? 'AVAILABLE' : 'ON_LOAN'}`)}
                </Tag>
              ),
            },
            {
              key: 'ticketId',
              dataIndex: 'ticketId',
              title: t('loanerPool.ticket'),
              render: (id?: number | null) => (id ? <Link to={`/tickets/${id}`}>#{id}</Link> : ''),
            },
          ]}
        />
      </Space>
    </div>
  );
}
