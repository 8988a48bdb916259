// The notification feature's public surface (issue 15): the bell with its drawer.
export { NotificationBell } from './NotificationBell';
