import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLORS: Record<string, string> = { PROCESS: 'blue', DECISION: 'purple' };

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-kind={kind}>
      {t(`modelKind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

const FILE_STATUS_COLORS: Record<string, string> = {
  IN_SYNC: 'green',
  DEPLOYED_NEWER_THAN_FILE: 'orange',
  FILE_NOT_DEPLOYED: 'gold',
  NO_FILE: 'default',
};

/** Whether the deployed model matches the .bpmn/.dmn file the application ships. */
export function FileStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`fileStatusHelp.${status}`, { defaultValue: '' })}>
      <Tag color={FILE_STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
        {t(`fileStatus.${status}`, { defaultValue: status })}
      </Tag>
    </Tooltip>
  );
}

export function SourceTag({ source }: { source: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={source === 'WORKBENCH' ? 'geekblue' : 'default'} data-source={source}>
      {t(`modelSource.${source}`, { defaultValue: source })}
    </Tag>
  );
}

const ACTION_COLORS: Record<string, string> = {
  DEPLOYED: 'blue',
  MIGRATED: 'purple',
  FILE_DEPLOYED: 'cyan',
  FILE_KEPT_NEWER_DEPLOYMENT: 'orange',
};

export function ChangeActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ACTION_COLORS[action] ?? 'default'} data-action={action}>
      {t(`modelAction.${action}`, { defaultValue: action })}
    </Tag>
  );
}

const ELEMENT_CHANGE_COLORS: Record<string, string> = { ADDED: 'green', REMOVED: 'red', CHANGED: 'orange' };

export function ElementChangeTag({ change }: { change: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ELEMENT_CHANGE_COLORS[change] ?? 'default'} data-change={change}>
      {t(`elementChange.${change}`, { defaultValue: change })}
    </Tag>
  );
}
