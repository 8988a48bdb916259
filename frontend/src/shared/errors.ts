import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { acceptLanguage } from '../i18n';
import { showable } from '../api/readable';

function byStatus(status: number, t: TFunction): string {
  if (status === 400 || status === 422) return t('common.badRequest');
  if (status === 409) return t('common.stateConflict');
  if (status === 413) return t('common.tooLarge');
  if (status === 415) return t('common.unsupportedType');
  if (status === 429) return t('common.tooManyRequests');
  if (status === 503) return t('common.busy');
  if (status >= 500) return t('common.serverError');
  return t('common.requestFailed', { status });
}

/** A one-line, translated description of a failed call for message/alert boxes. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common.forbidden');
    if (error.status === 404) return t('common.notFound');
    const chinesePage = acceptLanguage() === 'zh-CN';
    // as the server sent them: a field's own English message still decides the summary below
    const fieldErrors = error.problem.errors ?? [];
    if (fieldErrors.length > 0) {
      if (!chinesePage) return fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
      // A field's code name means nothing to the reader; its message alone does, when it is Chinese.
      const messages = fieldErrors.map((e) => e.message);
      return messages.every((m) => showable(m, true))
        ? t('common.checkInput', { messages: [...new Set(messages)].join('；') })
        : byStatus(error.status, t);
    }
    return showable(error.message, chinesePage) && !/^HTTP \d+$/.test(error.message)
      ? error.message
      : byStatus(error.status, t);
  }
  const text = error instanceof Error ? error.message : String(error);
  // fetch's own failures ("Failed to fetch", "NetworkError…") are the browser's English
  return showable(text, acceptLanguage() === 'zh-CN') ? text : t('common.networkFailed');
}
