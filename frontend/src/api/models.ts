// Calls of the process-owner workbench (BPMN/DMN models): /api/models/…
import { api, download } from './client';
import type {
  MigrationPlan,
  MigrationRequest,
  MigrationResult,
  Model,
  ModelChange,
  ModelCheck,
  ModelDeployment,
} from './types';

export const MODELS_EXPORT_FALLBACK_NAME = 'models.zip';

const definitionPath = (definitionId: string) => `/models/definitions/${encodeURIComponent(definitionId)}/xml`;

/** A file name for a definition version when the server sends none, e.g. "dispatch-v2.bpmn". */
export function versionFileName(model: Pick<Model, 'key' | 'kind'>, version: number): string {
  return `${model.key}-v${version}.${model.kind === 'DECISION' ? 'dmn' : 'bpmn'}`;
}

export const modelsApi = {
  list: async () => (await api.get<{ models: Model[] }>('/models')).models ?? [],
  /** The XML of one deployed definition version. */
  xml: (definitionId: string) => api.getText(definitionPath(definitionId)),
  downloadXml: (definitionId: string, fallbackName: string) =>
    download(definitionPath(definitionId), undefined, fallbackName),
  exportAll: () => download('/models/export.zip', undefined, MODELS_EXPORT_FALLBACK_NAME),
  changes: async (key?: string) =>
    (await api.get<{ changes: ModelChange[] }>('/models/changes', { key })).changes ?? [],
  check: (body: { fileName: string; xml: string }) => api.post<ModelCheck>('/models/check', body),
  deploy: (body: { fileName: string; xml: string; comment: string }) =>
    api.post<ModelDeployment>('/models/deployments', body),
  dryRun: (body: MigrationRequest) => api.post<MigrationPlan>('/models/migrations/dry-run', body),
  migrate: (body: MigrationRequest & { processInstanceIds: string[] }) =>
    api.post<MigrationResult>('/models/migrations', body),
};

/** Query keys of the workbench; a deployment or migration changes the model list and the change log. */
export const modelKeys = {
  all: ['models'] as const,
  list: ['models', 'list'] as const,
  changes: (key: string | undefined) => ['models', 'changes', key ?? null] as const,
  editor: (definitionId: string) => ['models', 'editor', definitionId] as const,
};
