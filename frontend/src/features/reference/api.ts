import { api } from '../../api/client';
import type { Device, Engineer, Site } from '../../api/types';

export const referenceApi = {
  sites: () => api.get<Site[]>('/sites'),
  devices: (siteId: number) => api.get<Device[]>('/devices', { siteId }),
  engineers: () => api.get<Engineer[]>('/engineers'),
};
