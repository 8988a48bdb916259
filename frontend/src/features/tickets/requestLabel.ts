import type { TFunction } from 'i18next';

/** "服务请求（录像调取）", or just the type; the pattern is the timeline's, so both read alike in each language. */
export function requestLabel(t: TFunction, type: string, item?: string | null) {
  return item
    ? t('caseEvent.requestWithItem', { type: t(`requestType.${type}`), item: t(`serviceItem.${item}`) })
    : t(`requestType.${type}`);
}
