import { api } from '../../api/client';

/** The checks a verification policy can ask for (probes module CheckKind; labels "probeCheck"). */
export const CHECK_KINDS = [
  'TCP',
  'HTTP',
  'RTSP_STREAM',
  'ONVIF_MEDIA',
  'ONVIF_PTZ',
  'SNMP_UPTIME',
  'SNMP_INTERFACES',
  'SNMP_UPS',
  'NVR_STORAGE',
  'NVR_RECORDINGS',
  'NVR_CHANNELS',
] as const;

/** Which thresholds each check takes (the server refuses any other; labels "probeParam"). */
export const CHECK_PARAMS: Record<string, string[]> = {
  NVR_STORAGE: ['minFreeGb'],
  NVR_RECORDINGS: ['minDays'],
  SNMP_INTERFACES: ['ports'],
};

export interface PolicyCheck {
  kind: string;
  params: Record<string, string>;
  optional: boolean;
  ptzOnly: boolean;
}

export interface VerificationPolicy {
  deviceType: string;
  checks: PolicyCheck[];
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  shippedDefault: boolean;
}

export const verificationApi = {
  policies: () => api.get<VerificationPolicy[]>('/verification-policies'),
  change: (deviceType: string, checks: PolicyCheck[]) =>
    api.put<VerificationPolicy>(`/verification-policies/${deviceType}`, { checks }),
};

export const verificationKeys = { policies: ['verification-policies'] as const };
