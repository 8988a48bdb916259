import { api, request } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** An engineer in the reassign picker: region and open jobs (open cases they hold). */
export type EngineerLoad = Required<Pick<Schemas['EngineerLoad'], 'username' | 'displayName' | 'openJobs'>> &
  Schemas['EngineerLoad'];
export type SuperviseAction = 'REASSIGN' | 'NUDGE' | 'RAISE_LEVEL';
export type BulkRowOutcome = Required<Pick<Schemas['BulkRowOutcome'], 'ticketId' | 'ok'>> & Schemas['BulkRowOutcome'];
export interface BulkOutcome {
  action: SuperviseAction;
  done: number;
  failed: number;
  replayed: boolean;
  rows: BulkRowOutcome[];
}
export type BulkRequest = Schemas['BulkRequest'] & { action: SuperviseAction; ticketIds: number[] };

export const superviseApi = {
  engineers: () => api.get<EngineerLoad[]>('/supervision/engineers'),
  /** One request for all the cases; the key makes a second click (or a retry) answer with the first outcome. */
  bulk: (body: BulkRequest, idempotencyKey: string) =>
    request<BulkOutcome>('/supervision/bulk', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
};

export const superviseKeys = {
  engineers: ['supervision', 'engineers'] as const,
};
