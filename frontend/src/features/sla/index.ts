// The SLA feature's public surface: other features (the ticket page, the supervisor board) import only this
// file, never the feature's internals (eslint: import-x/no-restricted-paths).
export { EXPORT_FALLBACK_NAME, slaApi, slaKeys, stamped, type Stamped } from './api';
export { BOARD_RISKS, BOARD_SORTS, boardQuery, isFiltered, readBoardFilter } from './boardFilter';
export type { BoardFilter, BoardRisk, BoardSort } from './boardFilter';
export { ClocksPanel } from './ClocksPanel';
export { formatCountdown, formatSpan, liveRisk, mostUrgentClock, remainingNow, useMonotonicNow } from './countdown';
export { DeliveriesPanel } from './DeliveriesPanel';
export { SlaActions } from './SlaActions';
export { clockLabel, ClockStateTag, EscalationTag, levelName, policyName, RiskTag } from './tags';
