// A device's own page (设备档案, RP-3 "repair and replacement history", RP-2 "raw device and fault data"): its facts,
// the cases reported on it, the changes naming it.
import { api } from '../../api/client';
import type { CATEGORIES, REQUEST_TYPES, STATUSES } from '../../api/types';
import type { components } from '../../api/schema';
import type { ChangeOutcome, ChangeStatus } from '../changes';

// Written by hand rather than taken from the generated schema: the server leaves null fields out of its JSON, and these
// say which fields may be missing; keyDriftGuard below fails the type check when the server's fields change.

/** A device type's code (labels under admin.deviceType). */
export type DeviceTypeCode = 'CAMERA' | 'NVR' | 'SWITCH' | 'UPS' | 'SERVER' | 'OTHER';

/** The device itself. Dates are 'YYYY-MM-DD'. */
export interface DeviceRecordDevice {
  id: number;
  name: string;
  type: DeviceTypeCode;
  model?: string | null;
  serialNumber?: string | null;
  /** Staff only: never sent to a customer's user. */
  ipAddress?: string | null;
  softwareVersion?: string | null;
  location?: string | null;
  /** 采购日期 */
  purchasedOn?: string | null;
  /** 投运日期 */
  commissionedOn?: string | null;
  /** 保修期至 */
  warrantyEnd?: string | null;
  retired: boolean;
  retiredOn?: string | null;
  siteId: number;
  siteName: string;
  customerId: number;
  customerName: string;
}

/** A case reported on the device (links to /tickets/{id}). */
export interface DeviceRecordCase {
  id: number;
  number: string;
  title: string;
  status: (typeof STATUSES)[number];
  /** Faults only (label group `category`). */
  category?: (typeof CATEGORIES)[number] | null;
  /** Label group `requestType`. */
  requestType: (typeof REQUEST_TYPES)[number];
  receivedAt: string;
  closedAt?: string | null;
}

/** A change request naming the device (links to /changes/{id}). */
export interface DeviceRecordChange {
  id: number;
  number: string;
  title: string;
  status: ChangeStatus;
  plannedStart: string;
  plannedEnd: string;
  outcome?: ChangeOutcome | null;
}

/** GET /api/devices/{id}/record: staff any device, a customer's user their own unit's (else 404). */
export interface DeviceRecord {
  device: DeviceRecordDevice;
  /** Newest first, at most DEVICE_RECORD_CASES. */
  cases: DeviceRecordCase[];
  /** All cases ever on the device (may be more than `cases` holds). */
  casesTotal: number;
  /** Of them, those not closed. */
  openCases: number;
  /** Staff only (absent for a customer's user): latest window first, at most 20. */
  changes?: DeviceRecordChange[] | null;
}

/** How many cases the record holds at most. */
export const DEVICE_RECORD_CASES = 50;

export const devicesApi = {
  record: (id: number) => api.get<DeviceRecord>(`/devices/${id}/record`),
};

/** Query keys (TanStack Query), under the devices' own prefix (as the configuration backups are). */
export const deviceKeys = {
  all: ['devices'] as const,
  record: (id: number) => ['devices', id, 'record'] as const,
};

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written views have exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [
  SameKeys<DeviceRecord, Schemas['DeviceRecord']>,
  SameKeys<DeviceRecordDevice, Schemas['DeviceRecordDevice']>,
  SameKeys<DeviceRecordCase, Schemas['DeviceRecordCase']>,
  SameKeys<DeviceRecordChange, Schemas['DeviceRecordChange']>,
] = [true, true, true, true];
