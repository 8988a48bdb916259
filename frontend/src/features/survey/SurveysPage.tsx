import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Empty, Row, Select, Space, Statistic, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LateLadder } from '../../shared/LateLadder';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { AnswerDrawer } from './AnswerDrawer';
import { lastQuarter, surveyApi, surveyKeys, type Survey } from './api';

function score(v?: number | null) {
  return v == null ? '—' : String(v);
}

/** The open surveys and callbacks: the desk's to call, a customer's user's to answer in the portal. */
function OpenSurveys() {
  const { t } = useTranslation();
  const open = useQuery({ queryKey: surveyKeys.open, queryFn: surveyApi.open });
  const [answering, setAnswering] = useState<Survey | null>(null);
  // 逾期: the supervisor board links here with ?overdue=true
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === 'true';
  const shown = (open.data ?? []).filter((s) => !overdueOnly || s.overdue);
  return (
    <>
      {open.error && <Alert type="error" showIcon message={describeError(open.error, t)} />}
      <Checkbox
        data-testid="survey-overdue-only"
        checked={overdueOnly}
        style={{ marginBottom: 12 }}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          if (e.target.checked) next.set('overdue', 'true');
          else next.delete('overdue');
          setParams(next, { replace: true });
        }}
      >
        {t('survey.overdueOnly')}
      </Checkbox>
      <ResponsiveTable<Survey>
        rowKey="id"
        data-testid="survey-open"
        loading={open.isLoading}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: <Empty description={t('survey.nothingOpen')} /> }}
        cardTitle={(s) => `${t(`surveyKind.${s.kind}`)} · ${s.customerName}`}
        cardHidden={['kind', 'customerName']}
        columns={[
          { title: t('survey.kind'), dataIndex: 'kind', render: (k: string) => t(`surveyKind.${k}`) },
          { title: t('survey.customer'), dataIndex: 'customerName' },
          {
            title: t('survey.subject'),
            key: 'subject',
            render: (_: unknown, s: Survey) =>
              s.ticketId ? (
                <Link to={`/tickets/${s.ticketId}`}>{s.ticketNumber}</Link>
              ) : (
                `${s.periodStart} ~ ${s.periodEnd}`
              ),
          },
          {
            title: t('survey.due'),
            dataIndex: 'dueAt',
            render: (v: string, s: Survey) => (
              <>
                <Space size={4} wrap>
                  {formatDateTime(v)}
                  {s.overdue && <Tag color="red">{t('survey.overdue')}</Tag>}
                </Space>
                <LateLadder ladder={s.ladder} testId={`survey-ladder-${s.id}`} />
              </>
            ),
          },
          {
            title: t('survey.action'),
            key: 'action',
            render: (_: unknown, s: Survey) => (
              <Button type="primary" onClick={() => setAnswering(s)} data-testid={`survey-answer-${s.id}`}>
                {s.kind === 'CALLBACK' ? t('survey.recordCallback') : t('survey.answer')}
              </Button>
            ),
          },
        ]}
      />
      <AnswerDrawer survey={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

/** A customer's surveys and callbacks of a period with the average of each score (supervisors, the desk). */
function SurveyResultsView() {
  const { t } = useTranslation();
  const customers = useQuery({ queryKey: surveyKeys.customers, queryFn: surveyApi.customers });
  const [customerId, setCustomerId] = useState<number>();
  const initial = lastQuarter();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(initial.from), dayjs(initial.to)]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const results = useQuery({
    queryKey: surveyKeys.results(customerId, from, to),
    queryFn: () => surveyApi.results(customerId!, from, to),
    enabled: customerId != null,
  });
  const r = results.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="survey-results-customer"
          placeholder={t('survey.pickCustomer')}
          style={{ minWidth: 220, maxWidth: '100%' }}
          value={customerId}
          onChange={setCustomerId}
          showSearch
          optionFilterProp="label"
          options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          style={{ maxWidth: '100%' }}
        />
      </Space>
      {results.error && <Alert type="error" showIcon message={describeError(results.error, t)} />}
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {(
              [
                ['intakeAverage', r.intakeAverage],
                ['handlingAverage', r.handlingAverage],
                ['supportAverage', r.supportAverage],
              ] as const
            ).map(([k, v]) => (
              <Col xs={12} md={6} key={k}>
                <Card size="small">
                  <Statistic title={t(`survey.${k}`)} value={v == null ? '—' : v.toFixed(2)} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('survey.answeredOfAll')}
                  value={`${r.answered} / ${r.surveys}`}
                  suffix={
                    r.overdue > 0 ? <Tag color="red">{t('survey.overdueCount', { count: r.overdue })}</Tag> : null
                  }
                />
              </Card>
            </Col>
          </Row>
          <ResponsiveTable<Survey>
            rowKey="id"
            dataSource={r.rows}
            pagination={false}
            cardTitle={(s) => `${t(`surveyKind.${s.kind}`)} · ${s.ticketNumber ?? `${s.periodStart} ~ ${s.periodEnd}`}`}
            cardHidden={['kind', 'subject']}
            columns={[
              { title: t('survey.kind'), dataIndex: 'kind', render: (k: string) => t(`surveyKind.${k}`) },
              {
                title: t('survey.subject'),
                key: 'subject',
                render: (_: unknown, s: Survey) => s.ticketNumber ?? `${s.periodStart} ~ ${s.periodEnd}`,
              },
              {
                title: t('survey.status'),
                dataIndex: 'status',
                render: (v: string, s: Survey) => (
                  <Space size={4} wrap>
                    {t(`surveyStatus.${v}`)}
                    {s.overdue && <Tag color="red">{t('survey.overdue')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('survey.scores'),
                key: 'scores',
                render: (_: unknown, s: Survey) =>
                  `${score(s.intakeScore)} / ${score(s.handlingScore)} / ${score(s.supportScore)}`,
              },
              {
                title: t('survey.comment'),
                key: 'said',
                render: (_: unknown, s: Survey) => s.outcome ?? s.comment ?? '—',
              },
              {
                title: t('survey.answeredVia'),
                dataIndex: 'answeredVia',
                render: (v?: string | null) => (v ? t(`answerChannel.${v}`) : '—'),
              },
              {
                title: t('survey.answeredAt'),
                dataIndex: 'answeredAt',
                render: (v?: string | null) => (v ? formatDateTime(v) : '—'),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

/** Callbacks and surveys (CB-1..CB-3): the desk's tasks, the supervisors' results, the customer's portal answers. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  if (isCustomer) {
    return (
      <div>
        <PageHeader title={t('survey.customerTitle')} />
        <OpenSurveys />
      </div>
    );
  }
  return (
    <div>
      <PageHeader title={t('survey.title')} />
      <Tabs
        items={[
          { key: 'open', label: t('survey.tabOpen'), children: <OpenSurveys /> },
          { key: 'results', label: t('survey.tabResults'), children: <SurveyResultsView /> },
        ]}
      />
    </div>
  );
}
