import { api } from '../../api/client';
import type { Task } from '../../api/types';

export const tasksApi = {
  list: () => api.get<Task[]>('/tasks'),
  claim: (taskId: string) => api.post<void>(`/tasks/${encodeURIComponent(taskId)}/claim`),
  complete: (taskId: string, values: Record<string, unknown>) =>
    api.post<void>(`/tasks/${encodeURIComponent(taskId)}/complete`, values),
};

/** Query keys of the task inbox; completing or claiming a task changes it. */
export const taskKeys = {
  all: ['tasks'] as const,
};
