import { api, download } from '../../api/client';
import type { Customer } from '../../api/types';
import type { components } from '../../api/schema';

export type InspectionCycle = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY';
export type InspectionKind = InspectionCycle | 'WEATHER';
export type InspectionStatus = 'AWAITING_TIME' | 'SCHEDULED' | 'AWAITING_SIGNATURE' | 'DONE';
export type Hazard = 'LIGHTNING' | 'WIND';
export type CheckResult = 'PASS' | 'FAIL';
export type DeviceType = 'CAMERA' | 'NVR' | 'SWITCH' | 'UPS' | 'SERVER' | 'OTHER';

export const CYCLES: InspectionCycle[] = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY'];
export const DEVICE_TYPES: DeviceType[] = ['CAMERA', 'NVR', 'SWITCH', 'UPS', 'SERVER', 'OTHER'];
export const HAZARDS: Hazard[] = ['LIGHTNING', 'WIND'];

export type WarningLevel = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';

/** A warning from the meteorological feed and how many weather inspections it started (server's WeatherWarningView). */
export interface WeatherWarning {
  id: number;
  sourceId: string;
  hazard: Hazard;
  level: WarningLevel;
  areas: string[];
  title: string;
  description?: string | null;
  issuedAt: string;
  receivedAt: string;
  receivedBy: string;
  inspectionsStarted: number;
}

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written view has exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [SameKeys<WeatherWarning, components['schemas']['WeatherWarningView']>] = [true];

export interface PlanItem {
  deviceType: DeviceType;
  item: string;
  method?: string | null;
  automated: boolean;
}

export interface InspectionPlan {
  id: number;
  customerId: number;
  customerName: string;
  siteId?: number | null;
  siteName?: string | null;
  name: string;
  cycle: InspectionCycle;
  active: boolean;
  items: PlanItem[];
  version: number;
}

export interface PlanCommand {
  customerId: number;
  siteId?: number | null;
  name: string;
  cycle: InspectionCycle;
  active: boolean;
  items: PlanItem[];
  version?: number;
}

export interface InspectionSummary {
  id: number;
  kind: InspectionKind;
  hazard?: Hazard | null;
  status: InspectionStatus;
  customerId: number;
  customerName: string;
  siteId?: number | null;
  siteName?: string | null;
  planId?: number | null;
  planName?: string | null;
  windowStart: string;
  lastDay: string;
  dueAt: string;
  overdue: boolean;
  agreedAt?: string | null;
  timesMoved: number;
  items: number;
  checked: number;
  failed: number;
  version: number;
}

export interface CheckLine {
  id: number;
  deviceId: number;
  deviceName: string;
  deviceType: DeviceType;
  item: string;
  method?: string | null;
  automated: boolean;
  result?: CheckResult | null;
  note?: string | null;
  /** Where the line's photo is read (its own GET, ADR 0082); the JSON never carries the image. */
  photoUrl?: string | null;
  checkedBy?: string | null;
  checkedAt?: string | null;
  faultTicketId?: number | null;
  faultNumber?: string | null;
  /** Queued for the site's probe agent at (ADR 0052); the line stays open until the agent reports. */
  probeQueuedAt?: string | null;
}

export interface PreviousFault {
  deviceName: string;
  item: string;
  note?: string | null;
  faultNumber?: string | null;
}

export type AssetDecision = 'PROPOSED' | 'APPROVED' | 'REJECTED';

export interface AssetLine {
  deviceId: number;
  deviceName: string;
  deviceType: DeviceType;
  siteName?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  location?: string | null;
  ipAddress?: string | null;
  outOfService?: boolean;
  confirmed?: boolean | null;
  foundModel?: string | null;
  foundSerialNumber?: string | null;
  foundLocation?: string | null;
  foundIpAddress?: string | null;
  foundOutOfService?: boolean | null;
  decision?: AssetDecision | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  decisionNote?: string | null;
}

/** PM-5: a correction found on site awaiting the asset keeper. */
export interface AssetCorrection {
  inspectionId: number;
  deviceId: number;
  deviceName: string;
  customerName: string;
  siteName: string;
  model?: string | null;
  serialNumber?: string | null;
  location?: string | null;
  ipAddress?: string | null;
  foundModel?: string | null;
  foundSerialNumber?: string | null;
  foundLocation?: string | null;
  foundIpAddress?: string | null;
  foundOutOfService?: boolean | null;
  checkedBy: string;
  checkedAt: string;
}

export interface InspectionDetail {
  summary: InspectionSummary;
  verifyAssets: boolean;
  agreedVia?: 'PORTAL' | 'CALL' | null;
  agreedBy?: string | null;
  checklistDoneBy?: string | null;
  checklistDoneAt?: string | null;
  signerName?: string | null;
  opinion?: string | null;
  signature?: string | null;
  signedAt?: string | null;
  completedAt?: string | null;
  checks: CheckLine[];
  previousFaults: PreviousFault[];
  assets: AssetLine[];
}

export interface SiteHazardMark {
  siteId: number;
  siteName: string;
  customerId: number;
  customerName: string;
  lightning: boolean;
  wind: boolean;
}

export const inspectionsApi = {
  list: (overdue: boolean) => api.get<InspectionSummary[]>('/inspections', overdue ? { overdue: 'true' } : undefined),
  overdueCount: () => api.get<{ overdue: number }>('/inspections/overdue-count'),
  get: (id: number) => api.get<InspectionDetail>(`/inspections/${id}`),
  agree: (id: number, at: string, version: number) =>
    api.post<InspectionDetail>(`/inspections/${id}/time`, { at, version }),
  check: (id: number, checkId: number, result: CheckResult, note?: string, photo?: string) =>
    api.put<InspectionDetail>(`/inspections/${id}/checks/${checkId}`, { result, note, photo }),
  probe: (id: number) => api.postEmpty<InspectionDetail>(`/inspections/${id}/probe`),
  verifyAsset: (
    id: number,
    body: {
      deviceId: number;
      confirmed: boolean;
      model?: string;
      serialNumber?: string;
      location?: string;
      ipAddress?: string;
      outOfService?: boolean;
    },
  ) => api.post<InspectionDetail>(`/inspections/${id}/assets`, body),
  decideAsset: (id: number, deviceId: number, approve: boolean, note?: string) =>
    api.post<InspectionDetail>(`/inspections/${id}/assets/${deviceId}/decision`, { approve, note }),
  assetCorrections: () => api.get<AssetCorrection[]>('/inspections/asset-corrections'),
  finish: (id: number) => api.postEmpty<InspectionDetail>(`/inspections/${id}/finish`),
  sign: (id: number, signerName: string, opinion?: string, signature?: string) =>
    api.post<InspectionDetail>(`/inspections/${id}/sign`, { signerName, opinion, signature }),
  report: (id: number) => download(`/inspections/${id}/report.pdf`, undefined, `inspection-${id}.pdf`),
  weather: (hazard: Hazard) => api.post<InspectionSummary[]>('/inspections/weather', { hazard }),
  /** The meteorological feed's warnings, newest first (PM-3). */
  weatherWarnings: () => api.get<WeatherWarning[]>('/weather-warnings'),
  plans: () => api.get<InspectionPlan[]>('/inspection-plans'),
  createPlan: (body: PlanCommand) => api.post<InspectionPlan>('/inspection-plans', body),
  editPlan: (id: number, body: PlanCommand) => api.put<InspectionPlan>(`/inspection-plans/${id}`, body),
  hazards: () => api.get<SiteHazardMark[]>('/site-hazards'),
  markHazards: (siteId: number, lightning: boolean, wind: boolean) =>
    api.put<SiteHazardMark>(`/site-hazards/${siteId}`, { lightning, wind }),
  customers: () => api.get<Customer[]>('/customers'),
};

export const inspectionKeys = {
  list: (overdue: boolean) => ['inspections', overdue] as const,
  detail: (id: number) => ['inspection', id] as const,
  plans: ['inspection-plans'] as const,
  hazards: ['site-hazards'] as const,
  overdue: ['inspections', 'overdue-count'] as const,
  corrections: ['inspections', 'asset-corrections'] as const,
  weatherWarnings: ['weather-warnings'] as const,
};

/** Scales a photo taken on the phone to at most 1280 px on its longer side, as a JPEG data URL (the server takes ~600 KB). */
export async function photoDataUrl(file: File, max = 1280): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = reject;
      i.src = url;
    });
    const scale = Math.min(1, max / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.7);
  } finally {
    URL.revokeObjectURL(url);
  }
}
