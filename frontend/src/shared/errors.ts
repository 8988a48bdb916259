import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { acceptLanguage } from '../i18n';

const HAN = /[\u3400-\u9fff]/;
// What a program wrote rather than a person: a camelCase field, an ENUM_CODE, a Java/JSON null.
const CODE_LIKE = /\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bnull\b/;

/**
 * Whether a server text may be shown as it is. The server words its conflicts in the reader's language, but
 * some texts (field checks written in English, messages not yet given a label) are still English: on a Chinese
 * page those give way to a Chinese sentence for the status rather than reach the user half in English.
 */
function showable(text: string | undefined, chinesePage: boolean): text is string {
  if (!text) return false;
  if (!chinesePage) return true;
  return HAN.test(text) && !CODE_LIKE.test(text);
}

function byStatus(status: number, t: TFunction): string {
  if (status === 400 || status === 422) return t('common.badRequest');
  if (status === 409) return t('common.stateConflict');
  if (status === 413) return t('common.tooLarge');
  if (status === 415) return t('common.unsupportedType');
  if (status === 429) return t('common.tooManyRequests');
  if (status >= 500) return t('common.serverError');
  return t('common.requestFailed', { status });
}

/** A one-line, translated description of a failed call for message/alert boxes. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common.forbidden');
    if (error.status === 404) return t('common.notFound');
    const chinesePage = acceptLanguage() === 'zh-CN';
    const fieldErrors = error.fieldErrors;
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
