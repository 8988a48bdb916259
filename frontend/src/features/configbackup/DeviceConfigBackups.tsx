import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { configBackupApi, configBackupKeys, type ConfigBackup } from './api';

/** Who may open a security incident someone else reported (here: the server, for an unexplained change). */
const INCIDENT_OPENERS = ['SUPERVISOR', 'ADMIN'] as const;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why a backup's configuration differs from the one before it: the change request or case that explains it, or — when
 * nothing does — the security incident the server reported. Nothing for a first backup or an unchanged configuration.
 */
function Explanation({ backup }: { backup: ConfigBackup }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const wrap = { overflowWrap: 'anywhere' } as const;
  if (backup.securityIncidentId != null) {
    // The system reported the incident, not this reader: only supervisors and admins may open someone else's report.
    const mayOpenIncident = hasRole(...INCIDENT_OPENERS);
    const incident = t('configBackup.securityIncident', { number: backup.securityIncidentNumber ?? '' });
    return (
      <Space direction="vertical" size={0} data-testid={`config-backup-unexplained-${backup.id}`}>
        <Space size={4} wrap>
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('configBackup.unexplained')}
          </Tag>
          {mayOpenIncident ? (
            <Link to={`/security-incidents/${backup.securityIncidentId}`} style={wrap}>
              {incident}
            </Link>
          ) : (
            <Typography.Text style={wrap} data-testid={`config-backup-incident-${backup.id}`}>
              {incident}
              {t('configBackup.reportedToSupervisor')}
            </Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">{t('configBackup.unexplainedHint')}</Typography.Text>
      </Space>
    );
  }
  const by = backup.explainedBy;
  if (!by) return null;
  const change = /^CHG-(\d+)$/.exec(by);
  const explanation = change ? (
    <Link to={`/changes/${Number(change[1])}`} style={wrap}>
      {t('configBackup.byChange', { number: by })}
    </Link>
  ) : by.startsWith('INC-') ? (
    <Link to={`/tickets?q=${encodeURIComponent(by)}`} style={wrap}>
      {t('configBackup.byCase', { number: by })}
    </Link>
  ) : (
    <Typography.Text style={wrap}>{by}</Typography.Text>
  );
  return (
    <Space size={4} wrap data-testid={`config-backup-explained-${backup.id}`}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('configBackup.changed')}
      </Tag>
      {explanation}
    </Space>
  );
}

/**
 * A device's configuration backups (RP-3): the files kept before and after changes, newest first, each to download and
 * with what explains a changed configuration (or the security incident reported when nothing does); engineers,
 * supervisors and admins keep a new one with a note. The same file as the newest is not kept twice.
 */
export function DeviceConfigBackups({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const client = useQueryClient();
  const backups = useQuery({ queryKey: configBackupKeys.of(deviceId), queryFn: () => configBackupApi.list(deviceId) });
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const mayKeep = hasRole('ENGINEER', 'SUPERVISOR', 'ADMIN');

  const keep = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const before = backups.data?.[0]?.id;
      const kept = await configBackupApi.keep(deviceId, file, note);
      message.success(t(kept.id === before ? 'configBackup.unchanged' : 'configBackup.kept', { name: kept.fileName }));
      setNote('');
      await client.invalidateQueries({ queryKey: configBackupKeys.of(deviceId) });
    } catch (e) {
      setProblem(describeError(e, t));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const save = (b: ConfigBackup) =>
    void configBackupApi.download(b).catch((e: unknown) => setProblem(describeError(e, t)));

  return (
    <div data-testid="config-backups">
      {mayKeep && (
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            placeholder={t('configBackup.notePlaceholder')}
            data-testid="config-backup-note"
          />
          <Button
            icon={<UploadOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
            data-testid="config-backup-choose"
          >
            {t('configBackup.keep')}
          </Button>
        </Space.Compact>
      )}
      <input
        ref={input}
        type="file"
        hidden
        data-testid="config-backup-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void keep(file);
        }}
      />
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
      <List<ConfigBackup>
        size="small"
        loading={backups.isLoading}
        dataSource={backups.data ?? []}
        locale={{ emptyText: t('configBackup.empty') }}
        renderItem={(b) => (
          <List.Item
            data-testid={`config-backup-${b.id}`}
            actions={[
              <Button key="download" size="small" icon={<DownloadOutlined />} onClick={() => save(b)}>
                {t('configBackup.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<span style={{ overflowWrap: 'anywhere' }}>{b.fileName}</span>}
              description={
                <Space direction="vertical" size={0}>
                  <Explanation backup={b} />
                  {b.note && <Typography.Text>{b.note}</Typography.Text>}
                  <Typography.Text type="secondary">
                    {t('configBackup.meta', {
                      by: b.uploadedByName,
                      at: formatDateTime(b.uploadedAt),
                      size: size(b.sizeBytes),
                      sha: b.sha256.slice(0, 12),
                    })}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
