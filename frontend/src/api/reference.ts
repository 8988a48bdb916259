// Reference data every feature picks from (sites, devices, engineers, customers): shared, so no feature
// reaches into another to fill a select.
import { api } from './client';
import type { components } from './schema';
import type { Customer, Device, Engineer, Site } from './types';

/** A staff account as other staff may see it: user name and display name. */
export type StaffMember = Required<components['schemas']['Mentionable']>;

export const referenceApi = {
  sites: () => api.get<Site[]>('/sites'),
  devices: (siteId: number) => api.get<Device[]>('/devices', { siteId }),
  engineers: () => api.get<Engineer[]>('/engineers'),
  /** Every enabled staff account (the desk, engineers, supervisors, process owners, admins): staff only. */
  staff: () => api.get<StaffMember[]>('/mentionable-users'),
  /** For a customer's user: their own unit only. */
  customers: () => api.get<Customer[]>('/customers'),
};

/** Query keys of the reference data (TanStack Query); the administration pages invalidate them after changes. */
export const referenceKeys = {
  all: ['reference'] as const,
  sites: ['reference', 'sites'] as const,
  devices: (siteId: number | undefined) => ['reference', 'devices', siteId ?? null] as const,
  engineers: ['reference', 'engineers'] as const,
  staff: ['reference', 'staff'] as const,
  customers: ['reference', 'customers'] as const,
};
