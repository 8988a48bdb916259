import { Alert, Button, Checkbox, Descriptions, Flex, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { modelsApi } from '../../api/models';
import type {
  MigrationCase,
  MigrationPlan,
  MigrationRequest,
  MigrationResult,
  Model,
  ModelVersion,
} from '../../api/types';
import { describeError } from '../../shared/errors';
import { nameInLanguage } from '../../shared/format';

interface Props {
  model: Model;
  /** The version whose running cases are to move. */
  source: ModelVersion;
  onClose: () => void;
  /** Called once cases were migrated (the caller reloads its counts). */
  onMigrated: () => void;
}

const sameRequest = (a: MigrationRequest | undefined, b: MigrationRequest) =>
  !!a &&
  a.sourceDefinitionId === b.sourceDefinitionId &&
  a.targetDefinitionId === b.targetDefinitionId &&
  a.restartTimers === b.restartTimers;

/**
 * Moves the running cases of an older process version to a newer one: a dry run first shows which
 * cases can move and why others cannot; only then the movable ones are migrated.
 */
export function MigrationDialog({ model, source, onClose, onMigrated }: Props) {
  const { t, i18n } = useTranslation();
  const targets = model.versions.filter((v) => v.version > source.version).sort((a, b) => b.version - a.version);
  const [targetId, setTargetId] = useState(
    () =>
      targets.find((v) => v.definitionId === model.latestDefinitionId)?.definitionId ?? targets[0]?.definitionId ?? '',
  );
  const [restartTimers, setRestartTimers] = useState(true);
  const [plan, setPlan] = useState<{ request: MigrationRequest; data: MigrationPlan }>();
  const [result, setResult] = useState<MigrationResult>();
  const [busy, setBusy] = useState<'dryRun' | 'migrate'>();
  const [error, setError] = useState<string>();

  const request: MigrationRequest = {
    sourceDefinitionId: source.definitionId,
    targetDefinitionId: targetId,
    restartTimers,
  };
  // A dry run only counts for the choices it was made with.
  const currentPlan = sameRequest(plan?.request, request) ? plan?.data : undefined;
  const movable = (currentPlan?.cases ?? []).filter((c) => c.canMigrate).map((c) => c.processInstanceId);
  const target = targets.find((v) => v.definitionId === targetId);

  const dryRun = async () => {
    setBusy('dryRun');
    setError(undefined);
    try {
      setPlan({ request, data: await modelsApi.dryRun(request) });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const migrate = async () => {
    setBusy('migrate');
    setError(undefined);
    try {
      const answer = await modelsApi.migrate({ ...request, processInstanceIds: movable });
      setResult(answer);
      if (answer.migrated.length > 0) onMigrated();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const ticketLabel = (c: MigrationCase) => c.ticketNo ?? (c.ticketId != null ? `#${c.ticketId}` : t('common.empty'));

  const columns: ColumnsType<MigrationCase> = [
    {
      title: t('migration.ticket'),
      key: 'ticket',
      render: (_, c) =>
        c.ticketId != null ? (
          <Link to={`/tickets/${c.ticketId}`} data-testid="migration-ticket-link">
            {ticketLabel(c)}
          </Link>
        ) : (
          ticketLabel(c)
        ),
    },
    {
      title: t('migration.processInstance'),
      dataIndex: 'processInstanceId',
      render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
    },
    {
      title: t('migration.canMove'),
      dataIndex: 'canMigrate',
      render: (ok: boolean) => (
        <Tag color={ok ? 'green' : 'red'} data-testid="migration-can-move" data-value={ok}>
          {ok ? t('common.yes') : t('common.no')}
        </Tag>
      ),
    },
    {
      title: t('migration.reasons'),
      dataIndex: 'reasons',
      render: (reasons: string[] | undefined) =>
        reasons?.length ? (
          <ul className="plain-list">
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        ) : (
          t('common.empty')
        ),
    },
  ];

  const footer = result ? (
    <Button type="primary" onClick={onClose} data-testid="migration-close">
      {t('migration.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('migration.cancel')}</Button>
      <Button
        onClick={() => void dryRun()}
        loading={busy === 'dryRun'}
        disabled={!targetId || !!busy}
        data-testid="migration-dry-run"
      >
        {t('migration.dryRun')}
      </Button>
      {currentPlan && (
        <Button
          type="primary"
          danger
          onClick={() => void migrate()}
          loading={busy === 'migrate'}
          disabled={movable.length === 0 || !!busy}
          data-testid="migration-run"
        >
          {t('migration.run', { count: movable.length })}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal
      open
      width={880}
      title={t('migration.title', { name: nameInLanguage(model.name, i18n.language) })}
      onCancel={onClose}
      footer={footer}
      maskClosable={!busy}
    >
      <div data-testid="migration-dialog">
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('migration.source')}>
            <span data-testid="migration-source">
              {t('models.versionLabel', { version: source.version })} ·{' '}
              {t('migration.sourceCases', { count: source.runningCases ?? 0 })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('migration.target')}>
            <Select
              style={{ minWidth: 220 }}
              value={targetId || undefined}
              onChange={setTargetId}
              disabled={!!result}
              data-testid="migration-target"
              options={targets.map((v) => ({
                value: v.definitionId,
                label:
                  v.definitionId === model.latestDefinitionId
                    ? `${t('models.versionLabel', { version: v.version })} (${t('models.latest')})`
                    : t('models.versionLabel', { version: v.version }),
              }))}
            />
          </Descriptions.Item>
        </Descriptions>
        <Checkbox
          checked={restartTimers}
          onChange={(e) => setRestartTimers(e.target.checked)}
          disabled={!!result}
          data-testid="migration-restart-timers"
        >
          {t('migration.restartTimers')}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {t('migration.restartTimersHelp')}
        </Typography.Paragraph>

        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="migration-error" />
        )}
        {!currentPlan && !result && plan && (
          <Alert type="info" showIcon message={t('migration.planOutdated')} style={{ marginBottom: 12 }} />
        )}

        {currentPlan && !result && (
          <Flex vertical gap={12}>
            <Typography.Text data-testid="migration-summary">
              {t('migration.summary', {
                from: currentPlan.sourceVersion,
                to: currentPlan.targetVersion ?? target?.version,
                movable: movable.length,
                blocked: currentPlan.cases.length - movable.length,
              })}
            </Typography.Text>
            {currentPlan.truncated && (
              <Alert type="info" showIcon message={t('migration.truncated')} data-testid="migration-truncated" />
            )}
            {currentPlan.planProblems?.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('migration.planProblems')}
                description={
                  <ul className="plain-list">
                    {currentPlan.planProblems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                }
                data-testid="migration-plan-problems"
              />
            )}
            <Table<MigrationCase>
              size="small"
              rowKey="processInstanceId"
              columns={columns}
              dataSource={currentPlan.cases}
              pagination={currentPlan.cases.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: t('migration.noCases') }}
              data-testid="migration-cases"
              onRow={(c) =>
                ({
                  'data-testid': `migration-case-${c.processInstanceId}`,
                  'data-can-migrate': c.canMigrate,
                }) as HTMLAttributes<HTMLElement>
              }
            />
          </Flex>
        )}

        {result && <MigrationOutcome result={result} />}
      </div>
    </Modal>
  );
}

function MigrationOutcome({ result }: { result: MigrationResult }) {
  const { t } = useTranslation();
  const failed = result.failed ?? [];
  return (
    <Flex vertical gap={12} data-testid="migration-result">
      <Alert
        type={failed.length ? 'warning' : 'success'}
        showIcon
        message={t('migration.resultSummary', { migrated: result.migrated.length, failed: failed.length })}
        data-testid="migration-result-summary"
      />
      {failed.length > 0 && (
        <List
          size="small"
          bordered
          header={t('migration.failedHeader')}
          dataSource={failed}
          data-testid="migration-failed"
          renderItem={(f) => (
            <List.Item data-testid={`migration-failed-${f.processInstanceId}`}>
              <Flex vertical>
                <Typography.Text code>{f.processInstanceId}</Typography.Text>
                {(f.reasons ?? []).map((r, i) => (
                  <Typography.Text key={i} type="danger">
                    {r}
                  </Typography.Text>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
