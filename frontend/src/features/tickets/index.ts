// The ticket feature's public surface for other features (the supervisor board lists notifications).
export { ticketKeys, ticketsApi } from './api';
