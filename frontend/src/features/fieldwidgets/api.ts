import { api, ApiError, getBlob, postForm } from '../../api/client';

/** An uploaded file as POST /api/tickets/{id}/attachments answers it (the fields the widgets use). */
export interface AttachmentView {
  id: number;
  ticketId: number;
  fileName: string;
  contentType: string;
  size: number;
  kind: 'PHOTO' | 'FILE' | 'SIGNATURE';
  visibility: 'INTERNAL' | 'PUBLIC';
  hasThumbnail?: boolean;
}

/** The customer's answer to a recovery plan (POST /api/tickets/{id}/plan-review). */
export interface PlanReview {
  approved: boolean;
  /** Required when not approved. */
  reason: string;
}

/** The customer's tester confirms (or not) the work (POST /api/tickets/{id}/completion-confirmation). */
export interface CompletionConfirmation {
  testerName: string;
  confirmed: boolean;
  signatureAttachmentId: number | null;
  remark: string;
}

export const fieldWidgetsApi = {
  /**
   * Uploads one file for a field step. Photos and signatures taken on site are for the customer too
   * (service form), hence PUBLIC. 201 → the attachment; 413 too big, 415 type not accepted.
   */
  upload: (ticketId: number, file: Blob, fileName: string, kind: 'PHOTO' | 'SIGNATURE', idempotencyKey?: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    form.append('kind', kind);
    form.append('visibility', 'PUBLIC');
    // the same key on a resend (after a lost answer, or from the offline outbox) answers the first upload
    const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
    return postForm<AttachmentView>(`/tickets/${ticketId}/attachments`, form, headers);
  },
  /** A JPEG thumbnail (photos) or the file itself (a signature PNG is small). */
  image: (ticketId: number, attachmentId: number, thumbnail: boolean) =>
    getBlob(`/tickets/${ticketId}/attachments/${attachmentId}${thumbnail ? '/thumbnail' : ''}`),
  /** 204; 400 with field errors; 409 when no plan waits for review. */
  planReview: (ticketId: number, review: PlanReview) => api.post<void>(`/tickets/${ticketId}/plan-review`, review),
  /** 204; 400 with field errors; 409 when nothing waits for confirmation. */
  confirmCompletion: (ticketId: number, confirmation: CompletionConfirmation) =>
    api.post<void>(`/tickets/${ticketId}/completion-confirmation`, confirmation),
};

/** The i18n key of an upload failure the user can act on; null for others (described by describeError). */
export function uploadErrorKey(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 413) return 'fieldWidgets.upload.tooLarge';
  if (error.status === 415) return 'fieldWidgets.upload.badType';
  return null;
}
