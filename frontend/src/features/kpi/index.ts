// the page is loaded lazily (App.tsx): ECharts (shared/EChart) stays out of the main bundle
export { kpiApi, kpiKeys } from './api';
