export { alarmApi, alarmKeys, SOURCE_KINDS } from './api';
export type { AlarmSource, CaseAlarm, NewAlarmSource, SourceKind } from './api';
export { CaseAlarms } from './CaseAlarms';
