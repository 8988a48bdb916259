import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** A one-line, translated description of a failed call for message/alert boxes. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common.forbidden');
    if (error.status === 404) return t('common.notFound');
    const details = error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return details || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
