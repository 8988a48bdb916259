import { api } from '../../api/client';

// Probe agents (/api/admin/probe-agents, issue 14): ADMIN registers and revokes, SUPERVISOR reads.

export type ProbeAgentStatus = 'ONLINE' | 'OFFLINE' | 'REVOKED';

export interface ProbeAgentRow {
  id: number;
  name: string;
  customerId: number;
  customerName?: string;
  sites: { id: number; name?: string }[];
  status: ProbeAgentStatus;
  lastSeenAt?: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface ProbeAgentInput {
  name: string;
  customerId: number;
  siteIds: number[];
}

/** The answer to a registration: the only time the token is ever shown. */
export interface ProbeAgentCreated {
  agent: ProbeAgentRow;
  token: string;
}

export const probeAgentsApi = {
  list: () => api.get<ProbeAgentRow[]>('/admin/probe-agents'),
  create: (input: ProbeAgentInput) => api.post<ProbeAgentCreated>('/admin/probe-agents', input),
  revoke: (id: number) => api.postEmpty<ProbeAgentRow>(`/admin/probe-agents/${id}/revoke`),
};

export const probeAgentKeys = {
  list: ['admin', 'probeAgents'] as const,
};
