import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { LateLadder } from '../../shared/LateLadder';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import {
  lastServicePeriod,
  PERIOD_KINDS,
  serviceReportKeys,
  serviceReportsApi,
  type ServiceReport,
  type ServiceReportKind,
  type ServiceReportState,
} from './serviceReportsApi';

const STATE_COLOR: Record<ServiceReportState, string> = {
  READY: 'green',
  LATE: 'orange',
  DUE: 'blue',
  OVERDUE: 'red',
};

/**
 * The scheduled service reports (RP-1): daily log, monthly fault summary, major fault reports, quarterly and annual
 * reports, each as Excel and PDF; late ones are marked. Staff make one on demand; a customer's user sees their own.
 */
export function ServiceReportsSection({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const queryClient = useQueryClient();
  const reports = useQuery({ queryKey: serviceReportKeys.all, queryFn: serviceReportsApi.list });
  const [customerId, setCustomerId] = useState<number>();
  const [kind, setKind] = useState<ServiceReportKind>('MONTHLY_FAULTS');
  const [period, setPeriod] = useState(lastServicePeriod('MONTHLY_FAULTS'));
  const [error, setError] = useState<string>();
  // 逾期: the supervisor board links here with ?overdue=true
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === 'true';
  const shown = (reports.data ?? []).filter((r) => !overdueOnly || r.state === 'OVERDUE');
  const generate = useMutation({
    mutationFn: () => serviceReportsApi.generate(customerId!, kind, period.trim()),
    onSuccess: () => {
      setError(undefined);
      void queryClient.invalidateQueries({ queryKey: serviceReportKeys.all });
    },
    onError: (e) =>
      setError(
        e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'period')
          ? t(`serviceReports.badPeriod.${kind}`)
          : describeError(e, t),
      ),
  });
  const save = (r: ServiceReport, format: 'xlsx' | 'pdf') =>
    void serviceReportsApi.download(r, format).catch((e) => setError(describeError(e, t)));

  return (
    <section data-testid="service-reports" style={{ marginBottom: 32 }}>
      <Typography.Title level={4}>{t('serviceReports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('serviceReports.intro')}</Typography.Paragraph>
      {!isCustomer && (
        <Form layout="vertical" style={{ maxWidth: 860 }} onFinish={() => generate.mutate()}>
          <Space wrap align="end">
            <Form.Item label={t('reports.customer')} style={{ minWidth: 220 }}>
              <Select
                data-testid="service-report-customer"
                value={customerId}
                onChange={setCustomerId}
                showSearch
                optionFilterProp="label"
                options={customers.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
            <Form.Item label={t('reports.kind')}>
              <Select
                data-testid="service-report-kind"
                value={kind}
                style={{ minWidth: 200 }}
                onChange={(k: ServiceReportKind) => {
                  setKind(k);
                  setPeriod(lastServicePeriod(k));
                }}
                options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`serviceReport.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('reports.period')} extra={t(`serviceReports.periodHint.${kind}`)}>
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
      <Checkbox
        data-testid="service-reports-overdue-only"
        checked={overdueOnly}
        style={{ marginBottom: 12 }}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          if (e.target.checked) next.set('overdue', 'true');
          else next.delete('overdue');
          setParams(next, { replace: true });
        }}
      >
        {t('serviceReports.overdueOnly')}
      </Checkbox>
      <ResponsiveTable<ServiceReport>
        rowKey="id"
        loading={reports.isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        cardTitle={(r) => `${t(`serviceReport.kind.${r.kind}`)} · ${r.period}`}
        cardHidden={['kind', 'period']}
        columns={[
          {
            title: t('reports.kind'),
            dataIndex: 'kind',
            render: (k: ServiceReportKind, r: ServiceReport) =>
              r.ticketNumber ? `${t(`serviceReport.kind.${k}`)}（${r.ticketNumber}）` : t(`serviceReport.kind.${k}`),
          },
          { title: t('reports.customer'), dataIndex: 'customerName' },
          { title: t('reports.period'), dataIndex: 'period' },
          { title: t('serviceReports.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('serviceReports.state'),
            dataIndex: 'state',
            render: (s: ServiceReportState, r: ServiceReport) => (
              <>
                <Tag color={STATE_COLOR[s]} data-testid="service-report-state">
                  {t(`serviceReport.state.${s}`)}
                </Tag>
                <LateLadder ladder={r.ladder} testId={`service-report-ladder-${r.id}`} />
              </>
            ),
          },
          { title: t('serviceReports.cases'), dataIndex: 'cases' },
          {
            title: t('serviceReports.mailed'),
            dataIndex: 'mailedTo',
            render: (to: string[]) =>
              to.length === 0 ? t('serviceReports.notMailed') : t('serviceReports.mailedTo', { count: to.length }),
          },
          {
            title: t('reports.file'),
            key: 'file',
            render: (_: unknown, r: ServiceReport) =>
              r.xlsxName ? (
                <Space wrap>
                  <Button size="small" icon={<FileExcelOutlined />} onClick={() => save(r, 'xlsx')}>
                    Excel
                  </Button>
                  <Button size="small" icon={<FilePdfOutlined />} onClick={() => save(r, 'pdf')}>
                    PDF
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('serviceReports.notReady')}</Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}
