import { api } from '../../api/client';
import type { Task } from '../../api/types';

export const tasksApi = {
  list: () => api.get<Task[]>('/tasks'),
  claim: (taskId: string) => api.post<void>(`/tasks/${encodeURIComponent(taskId)}/claim`),
  complete: (taskId: string, values: Record<string, unknown>) =>
    api.post<void>(`/tasks/${encodeURIComponent(taskId)}/complete`, values),
};
