// A device's own page (设备档案): its facts, repair history, changes, affected configuration items and backups.
export { DevicePage } from './DevicePage';
export { deviceKeys, devicesApi } from './api';
export type { DeviceRecord, DeviceRecordCase, DeviceRecordChange, DeviceRecordDevice } from './api';
