import { api, download } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/**
 * The generated schema marks every field optional; the stock views always send theirs (values such as model,
 * ticketId, counted may be null), so the views are taken as Sent: every field present, arrays of Sent rows.
 */
type Sent<T> = { [K in keyof T]-?: NonNullable<T[K]> extends (infer U)[] ? Sent<U>[] : Exclude<T[K], undefined> };

export type Warehouse = Sent<Schemas['WarehouseView']>;
export type StockPart = Sent<Schemas['PartView']>;
export type StockBatch = Sent<Schemas['BatchView']>;
export type StaleStock = Sent<Schemas['StaleStock']>;
export type StaleStockWarning = Sent<Schemas['StaleStockWarning']>;
export type Requisition = Sent<Schemas['RequisitionView']>;
export type StockCount = Sent<Schemas['CountView']>;
export type StockCountLine = Sent<Schemas['CountLineView']>;
export type NewPart = Schemas['NewPart'];
export type NewWarehouse = Schemas['NewWarehouse'];
export type Receipt = Schemas['Receipt'];
export type PartRequest = Schemas['PartRequest'];
export type CountEntry = Schemas['CountEntry'];
type CreatedId = Sent<Schemas['CreatedId']>;

// Transfers between warehouses (调拨, FW-6): written by hand from the contract, as in features/securityincidents; the
// keyDriftGuard below fails tsc when the server's schema gains, loses or renames a field.

/** CANCELLED: withdrawn while in transit (撤回), its parts back in the source warehouse. */
export type StockTransferStatus = 'IN_TRANSIT' | 'RECEIVED' | 'CANCELLED';
/** In the order the filter offers them. */
export const STOCK_TRANSFER_STATUSES: StockTransferStatus[] = ['IN_TRANSIT', 'RECEIVED', 'CANCELLED'];

/** The contract's limits; the server checks the same. */
export const STOCK_TRANSFER_LIMITS = { minQuantity: 1, maxQuantity: 1000000, note: 500, reason: 500 } as const;

/** At most this many transfers are listed (newest first). */
export const STOCK_TRANSFERS_LISTED = 500;

/** One batch the transfer took from the source warehouse (oldest first); it keeps its received date at the target. */
export interface StockTransferLine {
  /** yyyy-MM-dd, the batch's own received date. */
  receivedOn: string;
  quantity: number;
  unitCost: number | null;
}

export interface StockTransferView {
  id: number;
  /** "DB-000012" */
  number: string;
  partId: number;
  partNumber: string;
  partName: string;
  fromWarehouseId: number;
  fromWarehouseName: string;
  toWarehouseId: number;
  toWarehouseName: string;
  quantity: number;
  status: StockTransferStatus;
  note: string | null;
  /** Username of the keeper who shipped it, and their name. */
  shippedBy: string;
  shippedByName: string;
  /** ISO instant. */
  shippedAt: string;
  receivedBy: string | null;
  receivedByName: string | null;
  receivedAt: string | null;
  receiveNote: string | null;
  /** Username of the keeper who withdrew it (撤回), their name, when and why; null unless CANCELLED. */
  cancelledBy: string | null;
  cancelledByName: string | null;
  /** ISO instant. */
  cancelledAt: string | null;
  cancelReason: string | null;
  lines: StockTransferLine[];
  /** The signed-in user may receive it now (a keeper, and still in transit). */
  canReceive: boolean;
  /** The signed-in user may withdraw it now (the same keepers, and still in transit). */
  canCancel: boolean;
}

export interface NewStockTransfer {
  partId: number | null;
  fromWarehouseId: number | null;
  toWarehouseId: number | null;
  quantity: number | null;
  note: string | null;
}

export interface StockTransferReceipt {
  note: string | null;
}

/** Why a transfer still in transit is withdrawn: required, at most 500 characters. */
export interface StockTransferWithdrawal {
  reason: string;
}

/** GET /api/tickets/{id}/stock-parts (FW-5): the case's requisitions with the batches issued, and the owner's approval. */
export interface CaseParts {
  ticketId: number;
  ownerApproved: boolean;
  requisitions: Requisition[];
}

export const stockApi = {
  warehouses: () => api.get<Warehouse[]>('/stock/warehouses'),
  addWarehouse: (body: NewWarehouse) => api.post<CreatedId>('/stock/warehouses', body),
  parts: () => api.get<StockPart[]>('/stock/parts'),
  addPart: (body: NewPart) => api.post<CreatedId>('/stock/parts', body),
  receive: (body: Receipt) => api.post<CreatedId>('/stock/receipts', body),
  stale: () => api.get<StaleStock>('/stock/stale'),
  /** The month-end written warnings (keepers), newest first. */
  staleWarnings: () => api.get<StaleStockWarning[]>('/stock/stale-warnings'),
  staleWarningRecipients: () => api.get<{ recipients: string[] }>('/stock/stale-warnings/recipients'),
  setStaleWarningRecipients: (recipients: string[]) =>
    api.put<{ recipients: string[] }>('/stock/stale-warnings/recipients', { recipients }),
  downloadStaleWarning: (w: StaleStockWarning) =>
    download(`/stock/stale-warnings/${w.id}/file`, undefined, `stale-stock-${w.month}.xlsx`),
  requisitions: () => api.get<Requisition[]>('/stock/requisitions'),
  request: (body: PartRequest) => api.post<CreatedId>('/stock/requisitions', body),
  decide: (id: number, approved: boolean, reason?: string) =>
    api.post<void>(`/stock/requisitions/${id}/decision`, { approved, reason }),
  issue: (id: number) => api.postEmpty<Requisition>(`/stock/requisitions/${id}/issue`),
  caseParts: (ticketId: number | string) => api.get<CaseParts>(`/tickets/${ticketId}/stock-parts`),
  counts: () => api.get<StockCount[]>('/stock/counts'),
  count: (id: number) => api.get<StockCount>(`/stock/counts/${id}`),
  startCount: (warehouseId: number, month: string) => api.post<CreatedId>('/stock/counts', { warehouseId, month }),
  enterCounts: (id: number, lines: CountEntry[]) => api.put<StockCount>(`/stock/counts/${id}/lines`, { lines }),
  submitCount: (id: number) => api.postEmpty<void>(`/stock/counts/${id}/submit`),
  decideCount: (id: number, approved: boolean, reason?: string) =>
    api.post<void>(`/stock/counts/${id}/decision`, { approved, reason }),
  /** Newest first, 500 at most; all of them without a status. */
  transfers: (status?: StockTransferStatus) => api.get<StockTransferView[]>('/stock/transfers', { status }),
  /** A keeper ships: the stock leaves the source warehouse at once, oldest batch first, and is in transit. */
  ship: (body: NewStockTransfer) => api.post<StockTransferView>('/stock/transfers', body),
  /** A keeper confirms arrival: the parts become stock of the target warehouse. */
  receiveTransfer: (id: number, body: StockTransferReceipt) =>
    api.post<StockTransferView>(`/stock/transfers/${id}/receive`, body),
  /** A keeper withdraws a transfer still in transit: its parts go back to the source with their dates and costs. */
  cancelTransfer: (id: number, body: StockTransferWithdrawal) =>
    api.post<StockTransferView>(`/stock/transfers/${id}/cancel`, body),
};

export const stockKeys = {
  all: ['stock'] as const,
  warehouses: ['stock', 'warehouses'] as const,
  parts: ['stock', 'parts'] as const,
  stale: ['stock', 'stale'] as const,
  staleWarnings: ['stock', 'stale-warnings'] as const,
  staleWarningRecipients: ['stock', 'stale-warnings', 'recipients'] as const,
  requisitions: ['stock', 'requisitions'] as const,
  counts: ['stock', 'counts'] as const,
  count: (id: number) => ['stock', 'counts', id] as const,
  transfers: (status?: StockTransferStatus) => ['stock', 'transfers', status ?? null] as const,
  /** Under the ticket's key, so an action on the ticket refreshes it too. */
  caseParts: (ticketId: number | string) => ['tickets', String(ticketId), 'stock-parts'] as const,
};

/** "P2M" → 2 months, "P60D" → 60 days, in the reader's language; anything else as configured. */
export function periodText(period: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const months = /^P(\d+)M$/.exec(period);
  if (months) return t('stock.periodMonths', { n: Number(months[1]) });
  const days = /^P(\d+)D$/.exec(period);
  if (days) return t('stock.periodDays', { n: Number(days[1]) });
  return period;
}

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written transfer views and bodies have exactly the server's fields (a renamed or added field fails tsc). */
export const keyDriftGuard: [
  SameKeys<StockTransferView, Schemas['StockTransferView']>,
  SameKeys<StockTransferLine, Schemas['StockTransferLine']>,
  SameKeys<NewStockTransfer, Schemas['NewStockTransfer']>,
  SameKeys<StockTransferReceipt, Schemas['StockTransferReceipt']>,
  SameKeys<StockTransferWithdrawal, Schemas['StockTransferWithdrawal']>,
] = [true, true, true, true, true];
