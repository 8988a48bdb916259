// Reference data every feature picks from (sites, devices, engineers, customers): shared, so no feature
// reaches into another to fill a select.
import { api } from './client';
import type { Customer, Device, Engineer, Site } from './types';

export const referenceApi = {
  sites: () => api.get<Site[]>('/sites'),
  devices: (siteId: number) => api.get<Device[]>('/devices', { siteId }),
  engineers: () => api.get<Engineer[]>('/engineers'),
  /** For a customer's user: their own unit only. */
  customers: () => api.get<Customer[]>('/customers'),
};

/** Query keys of the reference data (TanStack Query); the administration pages invalidate them after changes. */
export const referenceKeys = {
  all: ['reference'] as const,
  sites: ['reference', 'sites'] as const,
  devices: (siteId: number | undefined) => ['reference', 'devices', siteId ?? null] as const,
  engineers: ['reference', 'engineers'] as const,
  customers: ['reference', 'customers'] as const,
};
