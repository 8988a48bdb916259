// The hotline answer rate (IN-10). App.tsx loads the page lazily: it draws with ECharts (shared/EChart).
export { HotlinePage } from './HotlinePage';
export { hotlineApi, hotlineKeys } from './api';
export type { HotlineCallView, HotlineSummary } from './api';
