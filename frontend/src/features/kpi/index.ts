// the page is loaded lazily (App.tsx): ECharts stays out of the main bundle
export { kpiApi, kpiKeys } from './api';
