import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import {
  CHECK_KINDS,
  CHECK_PARAMS,
  verificationApi,
  verificationKeys,
  type PolicyCheck,
  type VerificationPolicy,
} from './api';
import { useStaffNames } from '../../shared/useStaffNames';

/**
 * Issue 14: what verification asks of each device type (VC-3 as shipped). Staff read it; the process owner edits
 * it. The server checks every field; its answer names the field ("checks[1].params.minDays").
 */
export function VerificationPoliciesPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole('PROCESS_OWNER');
  const policies = useQuery({ queryKey: verificationKeys.policies, queryFn: verificationApi.policies });
  return (
    <>
      <PageHeader title={t('verificationPolicy.title')} />
      <Alert type="info" showIcon message={t('verificationPolicy.intro')} style={{ marginBottom: 16 }} />
      {!canEdit && <Alert type="warning" message={t('verificationPolicy.readOnly')} style={{ marginBottom: 16 }} />}
      {policies.error && <Alert type="error" message={describeError(policies.error, t)} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {(policies.data ?? []).map((p) => (
          <PolicyCard key={`${p.deviceType}-${p.version}`} policy={p} canEdit={canEdit} />
        ))}
      </Space>
    </>
  );
}

function PolicyCard({ policy, canEdit }: { policy: VerificationPolicy; canEdit: boolean }) {
  const { t } = useTranslation();
  const staffName = useStaffNames();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [checks, setChecks] = useState<PolicyCheck[]>(policy.checks);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const type = t(`admin.deviceType.${policy.deviceType}`);

  const update = (i: number, change: Partial<PolicyCheck>) =>
    setChecks((all) => all.map((c, j) => (j === i ? { ...c, ...change } : c)));

  const save = async () => {
    setProblem(null);
    if (checks.length === 0) {
      setProblem(t('verificationPolicy.noChecks'));
      return;
    }
    setSaving(true);
    try {
      await verificationApi.change(policy.deviceType, checks);
      message.success(t('verificationPolicy.saved', { type }));
      await queryClient.invalidateQueries({ queryKey: verificationKeys.policies });
    } catch (e) {
      setProblem(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };

  const unused = CHECK_KINDS.filter((k) => !checks.some((c) => c.kind === k));
  return (
    <Card
      title={type}
      data-testid={`policy-${policy.deviceType}`}
      extra={
        policy.shippedDefault ? (
          <Tag>{t('verificationPolicy.shippedDefault')}</Tag>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('verificationPolicy.version', {
              version: policy.version,
              by: staffName(policy.updatedBy),
              at: policy.updatedAt ? formatDateTime(policy.updatedAt) : '',
            })}
          </Typography.Text>
        )
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {checks.map((c, i) => (
          <Flex key={c.kind} wrap gap={8} align="center" data-testid={`policy-check-${c.kind}`}>
            <Select
              style={{ minWidth: 180, flex: '1 1 180px' }}
              value={c.kind}
              disabled={!canEdit}
              aria-label={t('verificationPolicy.check')}
              options={[c.kind, ...unused].map((k) => ({ value: k, label: t(`probeCheck.${k}`) }))}
              onChange={(kind: string) => update(i, { kind, params: {} })}
            />
            {(CHECK_PARAMS[c.kind] ?? []).map((name) => (
              <Input
                key={name}
                style={{ width: 200, maxWidth: '100%' }}
                addonBefore={t(`probeParam.${name}`)}
                value={c.params[name] ?? ''}
                disabled={!canEdit}
                data-testid={`policy-param-${c.kind}-${name}`}
                onChange={(e) => update(i, { params: { ...c.params, [name]: e.target.value } })}
              />
            ))}
            <Checkbox
              checked={c.optional}
              disabled={!canEdit}
              onChange={(e) => update(i, { optional: e.target.checked })}
            >
              {t('verificationPolicy.optional')}
            </Checkbox>
            <Checkbox
              checked={c.ptzOnly}
              disabled={!canEdit}
              onChange={(e) => update(i, { ptzOnly: e.target.checked })}
            >
              {t('verificationPolicy.ptzOnly')}
            </Checkbox>
            {canEdit && (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('verificationPolicy.remove')}
                onClick={() => setChecks((all) => all.filter((_, j) => j !== i))}
              />
            )}
          </Flex>
        ))}
        {problem && <Alert type="error" message={problem} data-testid="policy-problem" />}
        {canEdit && (
          <Flex wrap gap={8}>
            <Button
              icon={<PlusOutlined />}
              disabled={unused.length === 0}
              onClick={() =>
                setChecks((all) => [...all, { kind: unused[0], params: {}, optional: false, ptzOnly: false }])
              }
            >
              {t('verificationPolicy.addCheck')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              onClick={() => void save()}
              data-testid={`policy-save-${policy.deviceType}`}
            >
              {t('verificationPolicy.save')}
            </Button>
          </Flex>
        )}
      </Space>
    </Card>
  );
}
