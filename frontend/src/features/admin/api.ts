import { api } from '../../api/client';
import type { Role, SiteEnvironment } from '../../api/types';

// The administration API (/api/admin/...): ADMIN changes, SUPERVISOR reads.

export type Region = 'CITY' | 'COUNTY';
export const REGIONS: Region[] = ['CITY', 'COUNTY'];
export const DEVICE_TYPES = ['CAMERA', 'NVR', 'SWITCH', 'UPS', 'SERVER', 'OTHER'] as const;
export const STAFF_ROLES: Role[] = ['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER', 'ADMIN'];

export interface AdminCustomer {
  id: number;
  name: string;
  active: boolean;
}

export interface AdminSite {
  id: number;
  customerId: number;
  name: string;
  address: string;
  region: Region;
  contactName?: string;
  contactPhone?: string;
  /** 现场环境; null when nothing is recorded. Changed only through setSiteEnvironment. */
  environment?: SiteEnvironment | null;
}

export interface AdminDevice {
  id: number;
  siteId: number;
  type: string;
  name: string;
  model?: string;
  serialNumber: string;
  ipAddress?: string;
  warrantyEnd?: string;
  /** 投入使用日期: the KPIs count the device from this day (ISO date, not after today). */
  commissionedOn?: string | null;
  /** 安装位置: where an engineer finds it on site; a blank value sent on an edit clears it. */
  location?: string | null;
  /** 软件版本 (RP-3): left out on an edit keeps it, blank clears it. */
  softwareVersion?: string | null;
  /** 采购日期 (RP-3, ISO date, not after today): left out on an edit keeps it. */
  purchasedOn?: string | null;
  probeTcpPorts?: string;
  probeHttpUrl?: string;
  probeTlsInsecure: boolean;
  retired: boolean;
  /** The day it was retired (ISO date): the KPIs count it until then; absent while in service or retired before it was kept. */
  retiredOn?: string | null;
  /** Issue 14: the protocol checks' settings; secrets only as "set or not". */
  probe?: DeviceProbe;
}

/** A device's probe settings as the server shows them: never a password or community, only whether one is set. */
export interface DeviceProbe {
  rtspUrl?: string | null;
  onvifUrl?: string | null;
  isapiUrl?: string | null;
  username?: string | null;
  passwordSet: boolean;
  snmpVersion?: string | null;
  snmpPort?: number | null;
  snmpCommunitySet: boolean;
  snmpUser?: string | null;
  snmpAuthProtocol?: string | null;
  snmpAuthPasswordSet: boolean;
  snmpPrivProtocol?: string | null;
  snmpPrivPasswordSet: boolean;
  recorderId?: number | null;
  recorderName?: string | null;
  channel?: number | null;
  ptz: boolean;
}

/** What the device form sends: a blank secret keeps the stored one, clear* removes it. */
export interface DeviceProbeInput {
  rtspUrl?: string;
  onvifUrl?: string;
  isapiUrl?: string;
  username?: string;
  password?: string;
  clearPassword?: boolean;
  snmpVersion?: string;
  snmpPort?: number;
  snmpCommunity?: string;
  clearSnmpCommunity?: boolean;
  snmpUser?: string;
  snmpAuthProtocol?: string;
  snmpAuthPassword?: string;
  clearSnmpAuthPassword?: boolean;
  snmpPrivProtocol?: string;
  snmpPrivPassword?: string;
  clearSnmpPrivPassword?: boolean;
  recorderId?: number;
  channel?: number;
  ptz?: boolean;
}

export const SNMP_AUTH_PROTOCOLS = ['SHA', 'SHA256', 'MD5'] as const;
export const SNMP_PRIV_PROTOCOLS = ['AES', 'AES256', 'DES'] as const;

export interface Account {
  username: string;
  displayName: string;
  roles: Role[];
  email?: string;
  mobile?: string;
  customerId?: number;
  enabled: boolean;
}

export interface Accounts {
  /** False with Keycloak: passwords and sign-in live there. */
  passwordManagedHere: boolean;
  accounts: Account[];
}

export interface AdminEngineer {
  id: number;
  username: string;
  displayName: string;
  phone?: string;
  region?: Region;
  skills: string[];
  teamId?: number;
  teamName?: string;
}

export interface AdminTeam {
  id: number;
  name: string;
  region?: Region;
  skills: string[];
  leadUsername?: string;
}

export type SiteInput = Omit<AdminSite, 'id' | 'environment'>;
export type DeviceInput = Omit<AdminDevice, 'id' | 'retired' | 'retiredOn' | 'probe'> & { probe?: DeviceProbeInput };
export type AccountInput = Omit<Account, 'enabled'> & { password?: string };
export type EngineerInput = Omit<AdminEngineer, 'id' | 'teamName' | 'displayName'> & { displayName?: string };
export type TeamInput = Omit<AdminTeam, 'id'>;

export const adminApi = {
  customers: () => api.get<AdminCustomer[]>('/admin/customers'),
  createCustomer: (name: string) => api.post<AdminCustomer>('/admin/customers', { name }),
  renameCustomer: (id: number, name: string) => api.put<AdminCustomer>(`/admin/customers/${id}`, { name }),
  setCustomerActive: (id: number, active: boolean) =>
    api.postEmpty<AdminCustomer>(`/admin/customers/${id}/${active ? 'enable' : 'disable'}`),

  sites: (customerId: number) => api.get<AdminSite[]>('/admin/sites', { customerId }),
  createSite: (site: SiteInput) => api.post<AdminSite>('/admin/sites', site),
  editSite: (id: number, site: Omit<SiteInput, 'customerId'>) => api.put<AdminSite>(`/admin/sites/${id}`, site),
  /** The environment as a whole: a part left out or blank is cleared. */
  setSiteEnvironment: (id: number, environment: SiteEnvironment) =>
    api.put<AdminSite>(`/admin/sites/${id}/environment`, environment),

  devices: (customerId: number) => api.get<AdminDevice[]>('/admin/devices', { customerId }),
  createDevice: (device: DeviceInput) => api.post<AdminDevice>('/admin/devices', device),
  editDevice: (id: number, device: DeviceInput) => api.put<AdminDevice>(`/admin/devices/${id}`, device),
  setDeviceRetired: (id: number, retired: boolean) =>
    api.postEmpty<AdminDevice>(`/admin/devices/${id}/${retired ? 'retire' : 'reinstate'}`),

  accounts: () => api.get<Accounts>('/admin/accounts'),
  createAccount: (account: AccountInput) => api.post<Account>('/admin/accounts', account),
  editAccount: (username: string, account: Omit<AccountInput, 'username' | 'password'>) =>
    api.put<Account>(`/admin/accounts/${encodeURIComponent(username)}`, account),
  resetPassword: (username: string, password: string) =>
    api.post<void>(`/admin/accounts/${encodeURIComponent(username)}/password`, { password }),
  setAccountEnabled: (username: string, enabled: boolean) =>
    api.postEmpty<Account>(`/admin/accounts/${encodeURIComponent(username)}/${enabled ? 'enable' : 'disable'}`),

  engineers: () => api.get<AdminEngineer[]>('/admin/engineers'),
  createEngineer: (engineer: EngineerInput) => api.post<AdminEngineer>('/admin/engineers', engineer),
  editEngineer: (id: number, engineer: EngineerInput) => api.put<AdminEngineer>(`/admin/engineers/${id}`, engineer),
  teams: () => api.get<AdminTeam[]>('/admin/teams'),
  createTeam: (team: TeamInput) => api.post<AdminTeam>('/admin/teams', team),
  editTeam: (id: number, team: TeamInput) => api.put<AdminTeam>(`/admin/teams/${id}`, team),
};

/** Query keys of the administration pages. */
export const adminKeys = {
  all: ['admin'] as const,
  customers: ['admin', 'customers'] as const,
  sites: (customerId: number) => ['admin', 'sites', customerId] as const,
  devices: (customerId: number) => ['admin', 'devices', customerId] as const,
  accounts: ['admin', 'accounts'] as const,
  engineers: ['admin', 'engineers'] as const,
  teams: ['admin', 'teams'] as const,
};
