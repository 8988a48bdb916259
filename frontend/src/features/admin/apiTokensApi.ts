import { api } from '../../api/client';
import type { Role } from '../../api/types';

// API tokens of machine clients (/api/admin/api-tokens, issue 17): ADMIN issues and revokes, SUPERVISOR reads.

export interface ApiTokenRow {
  id: number;
  name: string;
  tokenPrefix: string;
  role: Role;
  customerId?: number;
  createdBy: string;
  createdAt: string;
  revokedBy?: string;
  revokedAt?: string;
  lastUsedAt?: string;
  active: boolean;
}

export interface ApiTokenInput {
  name: string;
  role: Role;
  customerId?: number;
}

/** The answer to an issue: the only time the token is ever shown. */
export interface ApiTokenCreated {
  apiToken: ApiTokenRow;
  token: string;
}

/** The roles a token may act in: never an administrator's. */
export const TOKEN_ROLES: Role[] = ['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER', 'CUSTOMER'];

export const apiTokensApi = {
  list: () => api.get<ApiTokenRow[]>('/admin/api-tokens'),
  create: (input: ApiTokenInput) => api.post<ApiTokenCreated>('/admin/api-tokens', input),
  revoke: (id: number) => api.postEmpty<ApiTokenRow>(`/admin/api-tokens/${id}/revoke`),
};

export const apiTokenKeys = {
  list: ['admin', 'apiTokens'] as const,
};
