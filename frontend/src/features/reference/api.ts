import { api } from '../../api/client';
import type { Customer, Device, Engineer, Site } from '../../api/types';

export const referenceApi = {
  sites: () => api.get<Site[]>('/sites'),
  devices: (siteId: number) => api.get<Device[]>('/devices', { siteId }),
  engineers: () => api.get<Engineer[]>('/engineers'),
  /** For a customer's user: their own unit only. */
  customers: () => api.get<Customer[]>('/customers'),
};
