import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { formatDateTime } from '../../shared/format';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { ServiceReportsSection } from './ServiceReportsSection';
import { lastPeriod, REPORT_KINDS, reportKeys, reportsApi, type ReportKind, type RepairReport } from './api';

/**
 * Reports: the scheduled service reports (RP-1) first, then the repair reports (RR-7: the stored monthly summaries
 * and quarterly cost lists); the desk makes either on demand.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const queryClient = useQueryClient();
  const reports = useQuery({ queryKey: reportKeys.all, queryFn: reportsApi.list });
  const customers = useQuery({ queryKey: reportKeys.customers, queryFn: reportsApi.customers, enabled: !isCustomer });
  const [customerId, setCustomerId] = useState<number>();
  const [kind, setKind] = useState<ReportKind>('MONTHLY');
  const [period, setPeriod] = useState(lastPeriod('MONTHLY'));
  const [error, setError] = useState<string>();
  const generate = useMutation({
    mutationFn: () => reportsApi.generate(customerId!, kind, period.trim()),
    onSuccess: () => {
      setError(undefined);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: (e) => setError(describeError(e, t)),
  });
  const save = (r: RepairReport) => void reportsApi.download(r).catch((e) => setError(describeError(e, t)));

  return (
    <div>
      <PageHeader title={t('serviceReports.pageTitle')} />
      <ServiceReportsSection customers={customers.data ?? []} />
      <Typography.Title level={4}>{t('reports.title')}</Typography.Title>
      {!isCustomer && (
        <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={() => generate.mutate()}>
          <Space wrap align="end">
            <Form.Item label={t('reports.customer')} style={{ minWidth: 220 }}>
              <Select
                data-testid="report-customer"
                value={customerId}
                onChange={setCustomerId}
                showSearch
                optionFilterProp="label"
                options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
            <Form.Item label={t('reports.kind')}>
              <Select
                value={kind}
                style={{ minWidth: 160 }}
                onChange={(k: ReportKind) => {
                  setKind(k);
                  setPeriod(lastPeriod(k));
                }}
                options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('reports.period')} extra={t(`reports.periodHint.${kind}`)}>
              <Input value={period} onChange={(e) => setPeriod(e.target.value)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" disabled={customerId == null} loading={generate.isPending}>
                {t('reports.generate')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<RepairReport>
        rowKey="id"
        loading={reports.isLoading}
        dataSource={reports.data ?? []}
        pagination={false}
        cardTitle={(r) => `${r.customerName} · ${r.period}`}
        cardHidden={['customerName', 'period']}
        columns={[
          { title: t('reports.customer'), dataIndex: 'customerName' },
          { title: t('reports.kind'), dataIndex: 'kind', render: (k: ReportKind) => t(`reports.kinds.${k}`) },
          { title: t('reports.period'), dataIndex: 'period' },
          { title: t('reports.repairs'), dataIndex: 'repairs' },
          {
            title: t('reports.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('reports.file'),
            key: 'file',
            render: (_: unknown, r: RepairReport) => (
              <Button icon={<DownloadOutlined />} onClick={() => save(r)}>
                {t('reports.download')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
