import {
  DownloadOutlined,
  EditOutlined,
  MinusSquareOutlined,
  PlusSquareOutlined,
  ReloadOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type HTMLAttributes, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { modelKeys, modelsApi, versionFileName } from '../../api/models';
import type { Model, ModelVersion } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime, nameInLanguage } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ChangeLog } from './ChangeLog';
import { MigrationDialog } from './MigrationDialog';
import { FileStatusTag, KindTag, SourceTag } from './tags';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useStaffNames } from '../../shared/useStaffNames';

/** What the editor hands over after a deployment (router state of the navigation to /models). */
export interface DeployedState {
  deployed?: { key: string; version: number; definitionId: string }[];
}

export const editorPath = (definitionId: string) => `/models/edit/${encodeURIComponent(definitionId)}`;

/** Old process versions that still run cases can have them moved to a newer version. */
export function canMigrateFrom(model: Model, version: ModelVersion): boolean {
  return model.kind === 'PROCESS' && version.version < model.latestVersion && (version.runningCases ?? 0) > 0;
}

function VersionsTable({
  model,
  canChange,
  onMigrate,
}: {
  model: Model;
  canChange: boolean;
  onMigrate: (version: ModelVersion) => void;
}) {
  const { t } = useTranslation();
  const staffName = useStaffNames();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string>();
  const decision = model.kind === 'DECISION';

  const downloadVersion = async (v: ModelVersion) => {
    setDownloading(v.definitionId);
    try {
      await modelsApi.downloadXml(v.definitionId, versionFileName(model, v.version));
    } catch (e) {
      message.error(t('models.downloadFailed', { message: describeError(e, t) }));
    } finally {
      setDownloading(undefined);
    }
  };

  const columns: ColumnsType<ModelVersion> = [
    {
      title: t('models.version'),
      dataIndex: 'version',
      width: 110,
      render: (n: number) => (
        <Space size={4}>
          {t('models.versionLabel', { version: n })}
          {n === model.latestVersion && <Tag color="green">{t('models.latest')}</Tag>}
        </Space>
      ),
    },
    { title: t('models.deployedAt'), dataIndex: 'deployedAt', width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: t('models.deployedBy'),
      dataIndex: 'deployedBy',
      width: 110,
      render: (u: string | null) => (u ? staffName(u) : t('common.empty')),
    },
    { title: t('models.source'), dataIndex: 'source', width: 130, render: (s: string) => <SourceTag source={s} /> },
    { title: t('models.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? t('common.empty') },
    {
      title: t('models.runningCases'),
      dataIndex: 'runningCases',
      width: 110,
      render: (n: number | null) => (
        <span data-testid="version-running-cases" data-value={n ?? ''}>
          {decision || n == null ? t('common.empty') : n}
        </span>
      ),
    },
    {
      title: t('models.actions'),
      key: 'actions',
      width: 330,
      render: (_, v) => (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading === v.definitionId}
            onClick={() => void downloadVersion(v)}
            data-testid={`download-${v.definitionId}`}
          >
            {t('models.download')}
          </Button>
          <Link to={editorPath(v.definitionId)} data-testid={`open-editor-${v.definitionId}`}>
            <Button size="small" icon={<EditOutlined />}>
              {t('models.openEditor')}
            </Button>
          </Link>
          {canChange && canMigrateFrom(model, v) && (
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => onMigrate(v)}
              data-testid={`migrate-${v.definitionId}`}
            >
              {t('models.migrate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ResponsiveTable<ModelVersion>
      size="small"
      rowKey="definitionId"
      columns={columns}
      dataSource={model.versions}
      pagination={false}
      data-testid={`versions-${model.key}`}
      onRow={(v) =>
        ({ 'data-testid': `version-row-${v.definitionId}`, 'data-version': v.version }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** The process owner's list of BPMN and DMN models, their versions, and the change log. */
export function ModelsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { me, hasRole } = useAuth();
  const canChange = hasRole('PROCESS_OWNER');
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const models = useQuery({ queryKey: modelKeys.list, queryFn: modelsApi.list });
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [migration, setMigration] = useState<{ model: Model; version: ModelVersion }>();
  const [exporting, setExporting] = useState(false);
  // The editor navigates here after a deployment; keep the news but drop it from history.
  const [deployed, setDeployed] = useState(() => (location.state as DeployedState | null)?.deployed);
  useEffect(() => {
    if ((location.state as DeployedState | null)?.deployed)
      void navigate(location.pathname, { replace: true, state: null });
    // Only once, for the state the page was opened with: later navigations carry their own state.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately runs on mount only
  }, []);

  const exportAll = async () => {
    setExporting(true);
    try {
      await modelsApi.exportAll();
    } catch (e) {
      message.error(t('models.downloadFailed', { message: describeError(e, t) }));
    } finally {
      setExporting(false);
    }
  };

  const list = models.data ?? [];

  const columns: ColumnsType<Model> = [
    {
      title: t('models.key'),
      dataIndex: 'key',
      width: 170,
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    {
      title: t('models.name'),
      dataIndex: 'name',
      render: (name: string | null) => nameInLanguage(name, i18n.language),
    },
    { title: t('models.kind'), dataIndex: 'kind', width: 120, render: (k: string) => <KindTag kind={k} /> },
    {
      title: t('models.latestVersion'),
      dataIndex: 'latestVersion',
      width: 110,
      render: (n: number) => <span data-testid="model-latest-version">{t('models.versionLabel', { version: n })}</span>,
    },
    {
      title: t('models.runningCases'),
      dataIndex: 'runningCases',
      width: 120,
      render: (n: number | null, m) => (
        <span data-testid="model-running-cases" data-value={n ?? ''}>
          {m.kind === 'DECISION' || n == null ? t('common.empty') : n}
        </span>
      ),
    },
    {
      title: t('models.fileStatus'),
      dataIndex: 'fileStatus',
      width: 190,
      render: (s: string) => <FileStatusTag status={s} testId="model-file-status" />,
    },
  ];

  const modelsTab = (
    <>
      {models.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(models.error, t) })}
          data-testid="models-error"
        />
      )}
      <ResponsiveTable<Model>
        scroll={{ x: 'max-content' }}
        rowKey="key"
        loading={models.isFetching}
        columns={columns}
        dataSource={list}
        pagination={false}
        locale={{ emptyText: models.error ? t('models.notLoaded') : t('models.empty') }}
        data-testid="models-table"
        onRow={(m) => ({ 'data-testid': `model-row-${m.key}`, 'data-kind': m.kind }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          expandedRowRender: (m) => (
            <VersionsTable
              model={m}
              canChange={canChange}
              onMigrate={(version) => setMigration({ model: m, version })}
            />
          ),
          expandIcon: ({ expanded: open, onExpand, record }) => (
            <Button
              type="text"
              size="small"
              aria-label={open ? t('models.collapse') : t('models.expand')}
              icon={open ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
              onClick={(e) => onExpand(record, e)}
              data-testid={`expand-${record.key}`}
            />
          ),
        }}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('models.title')}
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void queryClient.invalidateQueries({ queryKey: modelKeys.all })}
              data-testid="models-refresh"
            >
              {t('common.refresh')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportAll()}
              data-testid="models-export"
            >
              {t('models.exportAll')}
            </Button>
          </Space>
        }
      />
      {deployed && deployed.length > 0 && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDeployed(undefined)}
          style={{ marginBottom: 12 }}
          message={t('models.deployedMessage', {
            versions: deployed.map((d) => `${d.key} ${t('models.versionLabel', { version: d.version })}`).join(', '),
          })}
          data-testid="deploy-success"
        />
      )}
      {me && !canChange && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('models.readOnly')} />}
      <Tabs
        items={[
          { key: 'models', label: t('models.tabModels'), children: modelsTab },
          {
            key: 'changes',
            label: <span data-testid="tab-changes">{t('models.tabChanges')}</span>,
            children: <ChangeLog modelKeys={list.map((m) => m.key)} />,
          },
        ]}
      />
      {migration && (
        <MigrationDialog
          model={migration.model}
          source={migration.version}
          onClose={() => setMigration(undefined)}
          onMigrated={() => void queryClient.invalidateQueries({ queryKey: modelKeys.all })}
        />
      )}
    </>
  );
}
