export { ChangesPage } from './ChangesPage';
export { ChangeDetailPage } from './ChangeDetailPage';
export { NewChangePage } from './NewChangePage';
export { changeKeys, changesApi } from './api';
export type { ChangeOutcome, ChangeStatus, ChangeView } from './api';
// for the device page's 变更记录: the same tags and window as the change list
export { ChangeOutcomeTag, ChangeStatusTag, formatWindow } from './parts';
export { PendingChangesNotice } from './PendingChangesNotice';
