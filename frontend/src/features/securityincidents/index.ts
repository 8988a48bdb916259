// Security incidents (安全事件, RP-6): the list with the counts by kind, impact and month, reporting one, and one
// incident's page with its investigation. App.tsx loads the pages lazily: the list draws with ECharts (shared/EChart).
export { SecurityIncidentsPage } from './SecurityIncidentsPage';
export { NewSecurityIncidentPage } from './NewSecurityIncidentPage';
export { SecurityIncidentDetailPage } from './SecurityIncidentDetailPage';
export {
  SECURITY_IMPACTS,
  SECURITY_INCIDENT_ACTIONS,
  SECURITY_INCIDENT_KINDS,
  SECURITY_INCIDENT_STATUSES,
  securityIncidentKeys,
  securityIncidentsApi,
} from './api';
export type { SecurityIncidentSummary, SecurityIncidentView } from './api';
