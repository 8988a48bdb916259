import { Alert, App, Button, Card, Flex, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { looksLikeEmail } from '../../shared/email';
import { contractKeys, contractsApi } from './api';

/**
 * The contract's scheduled reports (RP-1): the e-mail addresses that receive them and the level from which a closed
 * fault gets a major fault report. Saving switches the scheduled reports on. Its own small form with its own save,
 * like the repair terms.
 */
export function ReportSettingsCard({ contractId }: { contractId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: contractKeys.reportSettings(contractId),
    queryFn: () => contractsApi.reportSettings(contractId),
  });
  const [recipients, setRecipients] = useState<string[]>();
  const [level, setLevel] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = settings.data;
  const shownRecipients = recipients ?? data?.recipients ?? [];
  const shownLevel = level ?? data?.majorLevel ?? undefined;
  const levelLabel = (code: string) => {
    const name = data ? t(`levelName.${data.policyCode}.${code}`, { defaultValue: '' }) : '';
    const value = /^\d+$/.test(code) ? t('level.value', { level: code }) : t('level.class', { level: code });
    return name ? `${value} ${name}` : value;
  };

  const save = async () => {
    const wrong = shownRecipients.filter((r) => !looksLikeEmail(r));
    if (wrong.length > 0) {
      setError(t('serviceReports.badRecipients', { addresses: wrong.join('、') }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await contractsApi.saveReportSettings(
        contractId,
        shownRecipients.map((r) => r.trim()),
        level ?? (data?.majorLevelChosen ? (data.majorLevel ?? null) : null),
      );
      queryClient.setQueryData(contractKeys.reportSettings(contractId), answer);
      setRecipients(undefined);
      setLevel(undefined);
      message.success(t('serviceReports.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setError(
          e.fieldErrors
            .map((f) =>
              f.field === 'recipients' ? t('serviceReports.badRecipientsServer') : t('serviceReports.badMajorLevel'),
            )
            .filter((v, i, all) => all.indexOf(v) === i)
            .join(' '),
        );
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('serviceReports.settingsTitle')}
      style={{ marginTop: 16 }}
      data-testid="report-settings"
    >
      {(error ?? settings.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={error ?? t('common.loadFailed', { message: describeError(settings.error, t) })}
          data-testid="report-settings-error"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('serviceReports.settingsHelp')}
      </Typography.Paragraph>
      {data && !data.enabled && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('serviceReports.off')} />
      )}
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('serviceReports.recipients')}</Typography.Text>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          aria-label={t('serviceReports.recipients')}
          data-testid="report-recipients"
          placeholder={t('serviceReports.recipientsPlaceholder')}
          tokenSeparators={[',', ';', '，', '；', ' ']}
          open={false}
          suffixIcon={null}
          loading={settings.isLoading}
          disabled={busy || !data}
          value={shownRecipients}
          onChange={(v: string[]) => {
            setRecipients(v);
            setError(null);
          }}
        />
        <Typography.Text strong>{t('serviceReports.majorLevel')}</Typography.Text>
        <Typography.Text type="secondary">{t('serviceReports.majorLevelHelp')}</Typography.Text>
        <Flex gap={8} wrap>
          <Select
            style={{ flex: '1 1 200px', minWidth: 0 }}
            aria-label={t('serviceReports.majorLevel')}
            data-testid="report-major-level"
            disabled={busy || !data || data.levels.length === 0}
            value={shownLevel}
            onChange={setLevel}
            options={(data?.levels ?? []).map((code) => ({ value: code, label: levelLabel(code) }))}
          />
          <Button
            type="primary"
            onClick={() => void save()}
            loading={busy}
            disabled={!data}
            data-testid="report-settings-save"
          >
            {t('serviceReports.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
