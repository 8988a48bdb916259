import { Alert, App, Button, Card, Flex, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { contractKeys, contractsApi, RETURN_RULES, type ReturnRule } from './api';

/**
 * The contract's repair terms (RR-2): how long the vendor has to return a device sent for repair. Its own small
 * form with its own save, because the server keeps it apart from the SLA terms (it applies to the next slip, not
 * to open tickets' clocks).
 */
export function RepairTermsCard({ contractId }: { contractId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const terms = useQuery({
    queryKey: contractKeys.repairTerms(contractId),
    queryFn: () => contractsApi.repairTerms(contractId),
  });
  const [chosen, setChosen] = useState<ReturnRule>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stored = terms.data?.vendorReturnRule;
  const value = chosen ?? stored;

  const save = async () => {
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await contractsApi.saveRepairTerms(contractId, value);
      queryClient.setQueryData(contractKeys.repairTerms(contractId), answer);
      setChosen(undefined);
      message.success(t('contracts.returnRuleSaved'));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('contracts.repairTerms')} style={{ marginTop: 16 }} data-testid="repair-terms">
      {(error ?? terms.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={error ?? t('common.loadFailed', { message: describeError(terms.error, t) })}
          data-testid="repair-terms-error"
        />
      )}
      <Typography.Text strong>{t('contracts.returnRuleLabel')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('contracts.returnRuleHelp')}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Select<ReturnRule>
          style={{ flex: '1 1 200px', minWidth: 0 }}
          aria-label={t('contracts.returnRuleLabel')}
          data-testid="repair-terms-rule"
          loading={terms.isLoading}
          disabled={busy || !stored}
          value={value}
          onChange={setChosen}
          options={RETURN_RULES.map((r) => ({ value: r, label: t(`contracts.returnRule.${r}`) }))}
        />
        <Button
          onClick={() => void save()}
          loading={busy}
          disabled={!chosen || chosen === stored}
          data-testid="repair-terms-save"
        >
          {t('contracts.returnRuleSave')}
        </Button>
      </Flex>
    </Card>
  );
}
