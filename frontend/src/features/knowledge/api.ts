import { api } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** The generated schema marks every field optional; the server always sends these (null where empty). */
type Sent<T> = { [K in keyof T]-?: NonNullable<T[K]> extends (infer U)[] ? U[] : Exclude<T[K], undefined> };

export type Article = Sent<Schemas['ArticleView']>;
export type ArticleStatus = Article['status'];
export type Suggestion = Sent<Schemas['Suggestion']>;
export type FirstLineRate = Sent<Schemas['FirstLineRate']>;
export type ArticleBody = Schemas['ArticleInput'];

export const DEVICE_TYPES = ['CAMERA', 'NVR', 'SWITCH', 'UPS', 'SERVER', 'OTHER'] as const;
export const ARTICLE_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED'] as const;

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: (q: string, status?: string, deviceType?: string) => ['knowledge', 'list', q, status, deviceType] as const,
  suggestions: (text: string, deviceType?: string) => ['knowledge', 'suggestions', text, deviceType] as const,
  firstLine: ['knowledge', 'first-line-rate'] as const,
};

export const knowledgeApi = {
  list: (q?: string, status?: string, deviceType?: string) =>
    api.get<Article[]>('/knowledge/articles', {
      q: q || undefined,
      status: status || undefined,
      deviceType: deviceType || undefined,
    }),
  get: (id: number) => api.get<Article>(`/knowledge/articles/${id}`),
  create: (body: ArticleBody) => api.post<Article>('/knowledge/articles', body),
  edit: (id: number, body: ArticleBody) => api.put<Article>(`/knowledge/articles/${id}`, body),
  fromCase: (ticketId: number) => api.post<Article>(`/knowledge/articles/from-case/${ticketId}`),
  submit: (id: number) => api.post<Article>(`/knowledge/articles/${id}/submit`),
  publish: (id: number) => api.post<Article>(`/knowledge/articles/${id}/publish`),
  giveBack: (id: number, note: string) => api.post<Article>(`/knowledge/articles/${id}/return`, { note }),
  retire: (id: number) => api.post<Article>(`/knowledge/articles/${id}/retire`),
  suggestions: (text: string, deviceType?: string) =>
    api.get<Suggestion[]>('/knowledge/suggestions', { text, deviceType: deviceType || undefined }),
  solvedFrom: (id: number, ticketId: number) =>
    api.post<Article>(`/knowledge/articles/${id}/solved-cases`, { ticketId }),
  firstLineRate: () => api.get<FirstLineRate>('/knowledge/first-line-rate'),
};
