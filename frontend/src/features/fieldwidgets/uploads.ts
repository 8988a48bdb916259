import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/**
 * Photo uploads still running, per ticket and form field, so a task form can refuse to complete while a
 * photo is on its way (its id would be missing from the value). One page shows one form per task.
 */
const running = new Map<string, number>();

const key = (ticketId: number, fieldId: string) => `${ticketId}/${fieldId}`;

export function uploadStarted(ticketId: number, fieldId: string) {
  running.set(key(ticketId, fieldId), (running.get(key(ticketId, fieldId)) ?? 0) + 1);
}

export function uploadEnded(ticketId: number, fieldId: string) {
  const left = (running.get(key(ticketId, fieldId)) ?? 1) - 1;
  if (left > 0) running.set(key(ticketId, fieldId), left);
  else running.delete(key(ticketId, fieldId));
}

export function photosUploading(ticketId: number, fieldId: string): boolean {
  return running.has(key(ticketId, fieldId));
}

/** A form rule that fails while a photo of this field is still uploading. */
export function photosUploadedRule(t: TFunction, ticketId: number, fieldId: string): Rule {
  return {
    validator: () =>
      photosUploading(ticketId, fieldId)
        ? Promise.reject(new Error(t('fieldWidgets.photos.stillUploading')))
        : Promise.resolve(),
  };
}
