import { api, download, postForm } from '../../api/client';
import type { components } from '../../api/schema';

type Schema = components['schemas']['DeviceConfigBackup'];
/** What may be missing: the server leaves null fields out of its JSON. */
type Optional = 'explainedBy' | 'securityIncidentId' | 'securityIncidentNumber';

/**
 * A device's configuration backup as the server lists it (RP-3). When its configuration differs from the backup before
 * it, either `explainedBy` names what explains it (a change request CHG-…, or a case INC-… worked on the device in
 * between) or nothing does and the server reported the security incident `securityIncidentId`/`securityIncidentNumber`.
 * A device's first backup has neither.
 */
export type ConfigBackup = Required<Omit<Schema, Optional>> & Pick<Schema, Optional>;

export const configBackupApi = {
  list: (deviceId: number) => api.get<ConfigBackup[]>(`/devices/${deviceId}/config-backups`),
  /** 201 with the new backup, or 200 with the newest when the file is the same as it. */
  keep: (deviceId: number, file: File, note: string) => {
    const form = new FormData();
    form.append('file', file);
    if (note.trim()) form.append('note', note.trim());
    return postForm<ConfigBackup>(`/devices/${deviceId}/config-backups`, form);
  },
  download: (b: ConfigBackup) => download(`/devices/${b.deviceId}/config-backups/${b.id}/file`, undefined, b.fileName),
};

export const configBackupKeys = {
  of: (deviceId: number) => ['devices', deviceId, 'config-backups'] as const,
};
