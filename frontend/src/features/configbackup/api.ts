import { api, download, postForm } from '../../api/client';
import type { components } from '../../api/schema';

/** A device's configuration backup as the server lists it (RP-3). */
export type ConfigBackup = Required<components['schemas']['DeviceConfigBackup']>;

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
