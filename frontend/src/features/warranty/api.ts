import { api, download } from '../../api/client';

/** An answer of the customer (or the desk for them) to the quote or to a replacement. */
export interface WarrantyAnswer {
  answer: 'APPROVED' | 'REFUSED';
  reason?: string | null;
  by?: string | null;
  /** The display name of who answered (staff only, as by). */
  byName?: string | null;
  at?: string | null;
}

export interface CostLineView {
  id: number;
  kind: 'PART' | 'LABOUR';
  description: string;
  amount: number;
  recordedBy: string;
  recordedAt: string;
}

export interface HandoverView {
  id: number;
  part: string;
  /** The owner's representative who took the part and signed for it. */
  handedTo: string;
  handedAt: string;
  /** Staff only (null for the customer). */
  recordedBy?: string | null;
  recordedAt?: string | null;
  /** Their drawn signature (ADR 0028); null on hand-overs recorded before signatures. */
  signatureAttachmentId?: number | null;
}

export interface ReplacementView {
  cause: 'UNREPAIRABLE' | 'REPEATED_FAILURE';
  model?: string | null;
  note?: string | null;
  answer?: WarrantyAnswer | null;
  oldDeviceId?: number | null;
  newDeviceId?: number | null;
  replacedAt?: string | null;
  scrapped: boolean;
}

/** GET /api/tickets/{id}/warranty (WA-1, RR-5, RR-6, FW-5). */
export interface WarrantyView {
  ticketId: number;
  assessed: boolean;
  warrantyEnd?: string | null;
  inWarranty: boolean;
  freeReason?: 'WARRANTY' | 'REPEAT_REPAIR' | null;
  repeatOfNumber?: string | null;
  cost: { freeOfCharge: boolean; freeReason?: string | null; parts: number; labour: number; total: number };
  lines: CostLineView[];
  quote?: WarrantyAnswer | null;
  replacement?: ReplacementView | null;
  handovers: HandoverView[];
  waitingFor?: 'QUOTE' | 'REPLACEMENT' | null;
}

export interface ScrapDevice {
  name: string;
  type: string;
  model?: string | null;
  serialNumber: string;
}

/** GET /api/tickets/{id}/scrap-certificate: the 报废证明 of a device scrapped on the case. */
export interface ScrapCertificate {
  certificateNo: string;
  ticketNumber: string;
  customerName: string;
  siteName: string;
  siteAddress?: string | null;
  scrapped: ScrapDevice;
  replacement: ScrapDevice;
  cause: string;
  scrappedAt: string;
}

export interface Answer {
  approved: boolean;
  reason: string;
}

export const warrantyApi = {
  get: (ticketId: number | string) => api.get<WarrantyView>(`/tickets/${ticketId}/warranty`),
  addLine: (ticketId: number, line: { kind: string; description: string; amount: number }) =>
    api.post<{ id: number }>(`/tickets/${ticketId}/cost-lines`, line),
  addHandover: (ticketId: number, handover: { part: string; handedTo: string; signatureAttachmentId: number }) =>
    api.post<{ id: number }>(`/tickets/${ticketId}/part-handovers`, handover),
  answerQuote: (ticketId: number, answer: Answer) => api.post<void>(`/tickets/${ticketId}/quote-approval`, answer),
  answerReplacement: (ticketId: number, answer: Answer) =>
    api.post<void>(`/tickets/${ticketId}/replacement-approval`, answer),
  scrapCertificate: (ticketId: number | string) => api.get<ScrapCertificate>(`/tickets/${ticketId}/scrap-certificate`),
  /** Saves the PDF under the server's file name (报废证明-<number>.pdf). */
  downloadCertificatePdf: (ticketId: number | string, lang: 'zh-CN' | 'en', fallbackName: string) =>
    download(`/tickets/${ticketId}/scrap-certificate.pdf`, { lang }, fallbackName),
};

export const warrantyKeys = {
  /** Under the ticket's key, so an action on the ticket refreshes the panel too. */
  one: (ticketId: number | string) => ['tickets', String(ticketId), 'warranty'] as const,
  certificate: (ticketId: number | string) => ['tickets', String(ticketId), 'scrap-certificate'] as const,
};
