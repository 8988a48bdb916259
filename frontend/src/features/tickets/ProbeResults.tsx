import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProbeCheck, ProbeResult } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

export function ProbeResults({ results }: { results: ProbeResult[] }) {
  const { t } = useTranslation();
  if (results.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noProbes')} />;
  }
  return (
    <>
      {results.map((result) => {
        const running = !result.finishedAt;
        return (
          <div
            key={result.id}
            className="probe-result"
            data-testid="probe-result"
            data-passed={running ? 'running' : String(result.passed)}
          >
            <div style={{ marginBottom: 8 }}>
              {running ? (
                <Tag color="processing">{t('detail.probeRunning')}</Tag>
              ) : (
                <Tag color={result.passed ? 'success' : 'error'}>
                  {result.passed ? t('detail.probePassed') : t('detail.probeFailed')}
                </Tag>
              )}
              <Typography.Text type="secondary">
                {formatDateTime(result.startedAt)}
                {result.summary ? ` · ${result.summary}` : ''}
              </Typography.Text>
            </div>
            {/* targets and details wrap (a failed check's reason is the point), on a phone as cards */}
            <ResponsiveTable<ProbeCheck>
              className="probe-wrap"
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={result.checks ?? []}
              columns={[
                {
                  title: t('detail.checkKind'),
                  dataIndex: 'kind',
                  width: 120,
                  render: (kind: string) => t(`probeCheck.${kind}`, { defaultValue: kind }),
                },
                { title: t('detail.checkTarget'), dataIndex: 'target' },
                {
                  title: t('detail.checkResult'),
                  dataIndex: 'ok',
                  width: 90,
                  render: (ok: boolean) => (
                    <Tag color={ok ? 'success' : 'error'}>{ok ? t('detail.checkOk') : t('detail.checkFailed')}</Tag>
                  ),
                },
                {
                  title: t('detail.checkDetail'),
                  dataIndex: 'detail',
                  // the reason in words (issue 14); the detail's figures after it, as measured
                  render: (d: string | null, c: ProbeCheck) =>
                    c.reason && c.reason !== 'OK'
                      ? `${t(`probeReason.${c.reason}`, { defaultValue: c.reason })}${d ? `（${d}）` : ''}`
                      : (d ?? '—'),
                },
                { title: t('detail.checkMillis'), dataIndex: 'durationMillis', width: 80, align: 'right' },
              ]}
            />
          </div>
        );
      })}
    </>
  );
}
