export { InspectionsPage } from './InspectionsPage';
export { InspectionDetailPage } from './InspectionDetailPage';
export { inspectionKeys, inspectionsApi } from './api';
export { OverdueInspectionsNotice } from './OverdueInspectionsNotice';
