export { ReportsPage } from './ReportsPage';
export { LateReportsNotice } from './LateReportsNotice';
