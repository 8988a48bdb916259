// A device's configuration backups (RP-3), shown on the case page of a case with a device.
export { DeviceConfigBackups } from './DeviceConfigBackups';
