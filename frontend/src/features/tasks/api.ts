import { api } from '../../api/client';
import type { Page, Task } from '../../api/types';

export const tasksApi = {
  /** A page of the inbox (page from 0) with the size of the whole inbox (ADR 0063). */
  page: (page: number, size: number) => api.get<Page<Task>>('/tasks/page', { page, size }),
  claim: (taskId: string) => api.post<void>(`/tasks/${encodeURIComponent(taskId)}/claim`),
  complete: (taskId: string, values: Record<string, unknown>) =>
    api.post<void>(`/tasks/${encodeURIComponent(taskId)}/complete`, values),
};

/** Query keys of the task inbox; completing or claiming a task changes it. */
export const taskKeys = {
  all: ['tasks'] as const,
  page: (page: number, size: number) => ['tasks', 'page', page, size] as const,
};
