import { Alert, Flex, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
// aliased: this component's modelKeys prop means the BPMN/DMN keys of the models
import { modelKeys as modelQueryKeys, modelsApi } from '../../api/models';
import type { ModelChange } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ChangeActionTag } from './tags';
import { SYSTEM_USER } from '../../shared/useEngineerNames';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

/** Who deployed or migrated what, newest first; optionally for one model. */
export function ChangeLog({ modelKeys }: { modelKeys: string[] }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string>();
  const changes = useQuery({ queryKey: modelQueryKeys.changes(key), queryFn: () => modelsApi.changes(key) });

  const version = (v: number | null | undefined) => (v == null ? '' : t('models.versionLabel', { version: v }));

  const columns: ColumnsType<ModelChange> = [
    { title: t('changeLog.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: t('changeLog.actor'),
      dataIndex: 'actor',
      width: 120,
      render: (a: string | null) => (a && a !== SYSTEM_USER ? a : t('changeLog.system')),
    },
    {
      title: t('changeLog.action'),
      dataIndex: 'action',
      width: 170,
      render: (a: string) => <ChangeActionTag action={a} />,
    },
    {
      title: t('models.key'),
      dataIndex: 'modelKey',
      width: 140,
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    {
      title: t('changeLog.versions'),
      key: 'versions',
      width: 110,
      render: (_, c) =>
        c.fromVersion != null && c.toVersion != null
          ? `${version(c.fromVersion)} → ${version(c.toVersion)}`
          : version(c.toVersion ?? c.fromVersion) || t('common.empty'),
    },
    { title: t('changeLog.summary'), dataIndex: 'summary', render: (s: string | null) => s ?? t('common.empty') },
  ];

  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        style={{ width: 240 }}
        placeholder={t('changeLog.allModels')}
        value={key}
        onChange={setKey}
        options={modelKeys.map((k) => ({ value: k, label: k }))}
        data-testid="changes-filter"
      />
      {changes.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(changes.error, t) })} />
      )}
      <ResponsiveTable<ModelChange>
        size="small"
        rowKey="id"
        loading={changes.isFetching}
        columns={columns}
        dataSource={changes.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('changeLog.empty') }}
        data-testid="model-changes-table"
        onRow={(c) => ({ 'data-testid': `model-change-${c.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
