export { ChangesPage } from './ChangesPage';
export { ChangeDetailPage } from './ChangeDetailPage';
export { NewChangePage } from './NewChangePage';
export { changeKeys, changesApi } from './api';
export type { ChangeStatus, ChangeView } from './api';
export { PendingChangesNotice } from './PendingChangesNotice';
