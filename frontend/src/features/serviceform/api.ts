import { api, download } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** The service form (维修服务单) as the server words it: every value already in the form's language and time zone. */
export type ServiceForm = Schemas['ServiceForm'];
export type ServiceFormVisit = Schemas['ServiceFormVisit'];
export type ServiceFormPicture = Schemas['ServiceFormPicture'];

/** The form's language: the page's (zh → zh-CN, anything else English). */
export type FormLanguage = 'zh-CN' | 'en';

export const serviceFormApi = {
  get: (ticketId: string | number, lang: FormLanguage) =>
    api.get<ServiceForm>(`/tickets/${ticketId}/service-form`, { lang }),
  /** Saves the PDF under the server's file name (维修服务单-<number>.pdf). */
  downloadPdf: (ticketId: string | number, lang: FormLanguage, fallbackName: string) =>
    download(`/tickets/${ticketId}/service-form.pdf`, { lang }, fallbackName),
};

export const serviceFormKeys = {
  /** Under the ticket's key, so an action on the ticket refreshes its form too. */
  one: (ticketId: string | number, lang: FormLanguage) => ['tickets', String(ticketId), 'service-form', lang] as const,
};
