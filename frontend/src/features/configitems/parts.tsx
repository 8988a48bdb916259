import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import type { ConfigItemEventView, ConfigItemKind, ConfigItemStatus } from './api';

/** Groups of the domain labels (labels/*.json) that name this feature's codes. */
type LabelGroup = 'configKind' | 'configStatus' | 'configRelation' | 'configTarget' | 'configAction' | 'configField';

/** A code in the reader's words; a code this page does not know yet reads 其他, never as the code itself. */
export const codeLabel = (t: TFunction, group: LabelGroup, code: string | null | undefined): string =>
  code ? t(`${group}.${code}`, { defaultValue: t('configItems.unknown') }) : t('configItems.unknown');

const STATUS_COLORS: Record<ConfigItemStatus, string> = {
  PLANNED: 'blue',
  IN_SERVICE: 'green',
  RETIRED: 'default',
};

export function ConfigStatusTag({ status, testId }: { status: ConfigItemStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {codeLabel(t, 'configStatus', status)}
    </Tag>
  );
}

export function ConfigKindTag({ kind }: { kind: ConfigItemKind }) {
  const { t } = useTranslation();
  return <Tag data-kind={kind}>{codeLabel(t, 'configKind', kind)}</Tag>;
}

/** Long free-text fields: their history line says they changed rather than quoting two pages. */
const LONG_FIELDS = new Set(['parameters', 'notes']);
/** Fields whose history values are codes. */
const CODE_FIELDS: Record<string, LabelGroup> = { kind: 'configKind', status: 'configStatus' };

/**
 * One history line in the reader's words: "版本：2.1 → 2.2", "状态：运行中 → 已停用", "添加关系：运行于 设备 NVR-01".
 */
export function historyText(e: ConfigItemEventView, t: TFunction): string {
  switch (e.action) {
    case 'CREATED':
      return t('configItems.history.created');
    case 'EDITED': {
      if (!e.field) return codeLabel(t, 'configAction', e.action);
      const field = codeLabel(t, 'configField', e.field);
      if (LONG_FIELDS.has(e.field)) return t('configItems.history.editedLong', { field });
      const group = CODE_FIELDS[e.field];
      const value = (v: string | null | undefined) =>
        v == null || v === '' ? t('configItems.blank') : group ? codeLabel(t, group, v) : v;
      return t('configItems.history.edited', { field, from: value(e.oldValue), to: value(e.newValue) });
    }
    case 'LINKED':
    case 'UNLINKED':
      return t(e.action === 'LINKED' ? 'configItems.history.linked' : 'configItems.history.unlinked', {
        relation: codeLabel(t, 'configRelation', e.relation),
        target: codeLabel(t, 'configTarget', e.targetType),
        name: e.targetName ?? '',
      }).trim();
    default:
      return codeLabel(t, 'configAction', e.action);
  }
}

/** A field name the server gave ("name", "itemId") as the form knows it. */
export const formField = (field: string) => field.split(/[.[]/)[0];

/** A failed edit: a 409 means someone else changed the item meanwhile. */
export function describeItemError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 409) return t('configItems.edit.stale');
  return describeError(error, t);
}
