// The offline feature's public surface (issue 12): task forms kept without signal, sent when it returns.
export { OutboxBadge } from './OutboxBadge';
export { useOutbox } from './useOutbox';
export { isOfflineError } from './outbox';
export { discardUpload, isPendingRef, keepUpload, PENDING_PREFIX, takenNow } from './pendingUploads';
