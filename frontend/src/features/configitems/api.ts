// Configuration items (配置管理, commitment RP-4): an application system, platform software, network link or business
// service of one customer unit, what it runs on, depends on or connects to (devices or other items), and its history.
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { STATUSES } from '../../api/types';

// Written by hand rather than taken from the generated schema: the server leaves null fields out of its JSON, and these
// say which fields may be missing; keyDriftGuard below fails the type check when the server's fields change.

export type ConfigItemKind = 'APPLICATION' | 'SOFTWARE' | 'NETWORK' | 'SERVICE';
export type ConfigItemStatus = 'PLANNED' | 'IN_SERVICE' | 'RETIRED';
export type ConfigRelation = 'RUNS_ON' | 'DEPENDS_ON' | 'CONNECTS_TO';
export type ConfigTargetType = 'DEVICE' | 'ITEM';
export type ConfigItemAction = 'CREATED' | 'EDITED' | 'LINKED' | 'UNLINKED';
/** The fields an EDITED history line may name. */
export type ConfigItemField = 'kind' | 'name' | 'version' | 'location' | 'status' | 'owner' | 'parameters' | 'notes';

export const CONFIG_ITEM_KINDS: ConfigItemKind[] = ['APPLICATION', 'SOFTWARE', 'NETWORK', 'SERVICE'];
/** In lifecycle order. */
export const CONFIG_ITEM_STATUSES: ConfigItemStatus[] = ['PLANNED', 'IN_SERVICE', 'RETIRED'];
export const CONFIG_RELATIONS: ConfigRelation[] = ['RUNS_ON', 'DEPENDS_ON', 'CONNECTS_TO'];
export const CONFIG_TARGET_TYPES: ConfigTargetType[] = ['DEVICE', 'ITEM'];
export const CONFIG_ITEM_ACTIONS: ConfigItemAction[] = ['CREATED', 'EDITED', 'LINKED', 'UNLINKED'];
export const CONFIG_ITEM_FIELDS: ConfigItemField[] = [
  'kind',
  'name',
  'version',
  'location',
  'status',
  'owner',
  'parameters',
  'notes',
];

/** The contract's limits; the server checks the same. */
export const CONFIG_ITEM_LIMITS = {
  name: 100,
  version: 100,
  location: 200,
  owner: 100,
  parameters: 2000,
  notes: 2000,
} as const;

/** Who may register and edit items, and add or remove their relations (the view's canEdit says so per item). */
export const CONFIG_ITEM_EDITORS = ['ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER', 'ADMIN'] as const;

/** One row of the list. */
export interface ConfigItemSummary {
  id: number;
  /** "CI-000012" */
  number: string;
  customerId: number;
  customerName: string;
  kind: ConfigItemKind;
  name: string;
  version?: string | null;
  location?: string | null;
  status: ConfigItemStatus;
  /** Outgoing relations (what it runs on, depends on, connects to). */
  links: number;
  /** Incoming relations from other items. */
  usedBy: number;
  updatedAt: string;
}

/** What this item runs on / depends on / connects to: a device or another item. */
export interface ConfigLinkView {
  id: number;
  relation: ConfigRelation;
  targetType: ConfigTargetType;
  targetId: number;
  targetName: string;
  /** Items: "CI-…" */
  targetNumber?: string | null;
  /** Devices: the device type's code (labelled here). */
  targetDeviceType?: string | null;
  /** Items: their kind. */
  targetKind?: ConfigItemKind | null;
  /** Items: their status. */
  targetStatus?: ConfigItemStatus | null;
  /** Devices: taken out of service or removed from the archive. */
  targetRetired?: boolean | null;
  /** Devices: the site they stand at. */
  siteName?: string | null;
  createdBy: string;
  createdAt: string;
}

/** Another item that points at this one. */
export interface ConfigUsedByView {
  linkId: number;
  relation: ConfigRelation;
  itemId: number;
  itemNumber: string;
  itemName: string;
  itemKind: ConfigItemKind;
  itemStatus: ConfigItemStatus;
}

/** One line of the item's lifecycle history. */
export interface ConfigItemEventView {
  id: number;
  at: string;
  by: string;
  byName: string;
  action: ConfigItemAction;
  /** EDITED: which field; for kind and status the values are codes, else free text. */
  field?: ConfigItemField | null;
  oldValue?: string | null;
  newValue?: string | null;
  /** LINKED / UNLINKED */
  relation?: ConfigRelation | null;
  targetType?: ConfigTargetType | null;
  targetName?: string | null;
  /** A line written by a change's outcome (RP-5): the change, to link to. */
  changeId?: number | null;
  /** "CHG-000012" */
  changeNumber?: string | null;
}

/** The change statuses and outcomes as the change pages name them (their labels are under changes.*). */
export type ChangeStatusCode =
  'SUBMITTED' | 'TESTING' | 'SCHEDULED' | 'IN_PROGRESS' | 'DONE' | 'REJECTED' | 'TEST_FAILED' | 'CANCELLED';
export type ChangeOutcomeCode = 'SUCCEEDED' | 'ROLLED_BACK';

/** A change (RP-5) that names this item. */
export interface ConfigItemChangeRef {
  id: number;
  /** "CHG-000012" */
  number: string;
  title: string;
  status: ChangeStatusCode;
  plannedStart: string;
  plannedEnd: string;
  outcome?: ChangeOutcomeCode | null;
}

export interface ConfigItemView {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  kind: ConfigItemKind;
  name: string;
  version?: string | null;
  location?: string | null;
  status: ConfigItemStatus;
  /** 负责人 / 联系人 */
  owner?: string | null;
  /** 核心参数 */
  parameters?: string | null;
  /** 相关资料 */
  notes?: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
  /** Sent back with an edit: a stale one is refused with 409. */
  revision: number;
  canEdit: boolean;
  links: ConfigLinkView[];
  usedBy: ConfigUsedByView[];
  /** Newest first. */
  history: ConfigItemEventView[];
  /** The changes naming this item, newest first. */
  changes: ConfigItemChangeRef[];
  /** 相关故障: the fault cases that name this item, newest link first, at most 20. */
  cases: ItemCaseRef[];
}

/** A case's status code (labels group `status`). */
export type TicketStatus = (typeof STATUSES)[number];

/** A fault case that names an item (RP-4): links to /tickets/{id}. */
export interface ItemCaseRef {
  /** The ticket's id. */
  id: number;
  number: string;
  title: string;
  status: TicketStatus;
  reportedAt: string;
  /** When the case named the item. */
  linkedAt: string;
}

/** GET /api/tickets/{id}/config-items: an item a case names, oldest link first. */
export interface CaseConfigItem {
  itemId: number;
  /** "CI-000012" */
  number: string;
  name: string;
  kind: ConfigItemKind;
  status: ConfigItemStatus;
  version?: string | null;
  linkedBy: string;
  linkedByName?: string | null;
  linkedAt: string;
}

/** POST /api/tickets/{id}/config-items: an item of the case's unit, not retired, not named yet. */
export interface NewCaseConfigItem {
  configItemId: number;
}

/** Who may name items on a case or take them off (the server answers 403 to anyone else). */
export const CASE_ITEM_EDITORS = ['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR'] as const;

export interface NewConfigItem {
  customerId: number;
  kind: ConfigItemKind;
  name: string;
  version?: string | null;
  location?: string | null;
  /** Default IN_SERVICE. */
  status?: ConfigItemStatus;
  owner?: string | null;
  parameters?: string | null;
  notes?: string | null;
}

/** The customer unit cannot be changed. */
export interface ConfigItemEdit {
  kind: ConfigItemKind;
  name: string;
  version?: string | null;
  location?: string | null;
  status: ConfigItemStatus;
  owner?: string | null;
  parameters?: string | null;
  notes?: string | null;
  revision: number;
}

/** Exactly one of deviceId and itemId. */
export interface NewConfigLink {
  relation: ConfigRelation;
  deviceId?: number;
  itemId?: number;
}

/** GET /api/devices/{id}/config-items: what stops working if the device fails. */
export interface DeviceImpact {
  itemId: number;
  itemNumber: string;
  itemName: string;
  itemKind: ConfigItemKind;
  itemStatus: ConfigItemStatus;
  relation: ConfigRelation;
  /** The item through which this one depends on the device; absent when it points at the device directly. */
  viaItemName?: string | null;
  /** 1 = direct */
  depth: number;
}

/** One node of a unit's relation graph: an item (not retired) or a device an item points at. */
export interface ConfigGraphNode {
  /** "item-12" or "device-5", unique in the graph. */
  key: string;
  type: ConfigTargetType;
  /** The item's or the device's id. */
  id: number;
  /** Items: "CI-000012" */
  number?: string | null;
  name: string;
  /** Items only. */
  kind?: ConfigItemKind | null;
  /** Items only: PLANNED or IN_SERVICE (retired items are not in the graph). */
  status?: ConfigItemStatus | null;
  /** Devices only: the device type's code. */
  deviceType?: string | null;
  /** Open fault cases on the device, or naming the item. */
  openCases: number;
}

/** An active link: `from` (an item's key) runs on / depends on / connects to `to` (an item's or a device's key). */
export interface ConfigGraphEdge {
  /** The link's id. */
  id: number;
  from: string;
  to: string;
  relation: ConfigRelation;
}

/** GET /api/config-items/graph?customerId=: every non-retired item of the unit (at most 300) and the devices they
 * point at, with the active links among them. */
export interface ConfigGraph {
  customerId: number;
  customerName: string;
  /** The unit has more items than the graph holds. */
  truncated: boolean;
  nodes: ConfigGraphNode[];
  edges: ConfigGraphEdge[];
}

export interface ConfigItemFilter {
  customerId?: number;
  kind?: ConfigItemKind;
  status?: ConfigItemStatus;
  q?: string;
}

export const configItemsApi = {
  list: (filter: ConfigItemFilter = {}) =>
    api.get<ConfigItemSummary[]>('/config-items', {
      customerId: filter.customerId,
      kind: filter.kind,
      status: filter.status,
      q: filter.q,
    }),
  get: (id: number) => api.get<ConfigItemView>(`/config-items/${id}`),
  create: (body: NewConfigItem) => api.post<ConfigItemView>('/config-items', body),
  edit: (id: number, body: ConfigItemEdit) => api.put<ConfigItemView>(`/config-items/${id}`, body),
  link: (id: number, body: NewConfigLink) => api.post<ConfigItemView>(`/config-items/${id}/links`, body),
  unlink: (id: number, linkId: number) => api.delete<ConfigItemView>(`/config-items/${id}/links/${linkId}`),
  deviceImpact: (deviceId: number) => api.get<DeviceImpact[]>(`/devices/${deviceId}/config-items`),
  /** The items a case names, oldest link first. */
  caseItems: (ticketId: number) => api.get<CaseConfigItem[]>(`/tickets/${ticketId}/config-items`),
  addCaseItem: (ticketId: number, body: NewCaseConfigItem) =>
    api.post<CaseConfigItem>(`/tickets/${ticketId}/config-items`, body),
  removeCaseItem: (ticketId: number, itemId: number) => api.delete<void>(`/tickets/${ticketId}/config-items/${itemId}`),
  /** A customer's user gets their own unit whatever `customerId` says. */
  graph: (customerId: number) => api.get<ConfigGraph>('/config-items/graph', { customerId }),
};

/** Query keys (TanStack Query): invalidate `configItemKeys.all` after any change to an item or its relations. */
export const configItemKeys = {
  all: ['config-items'] as const,
  list: (filter: ConfigItemFilter) =>
    [
      'config-items',
      'list',
      filter.customerId ?? null,
      filter.kind ?? null,
      filter.status ?? null,
      filter.q ?? '',
    ] as const,
  detail: (id: number) => ['config-items', 'detail', id] as const,
  deviceImpact: (deviceId: number) => ['config-items', 'device', deviceId] as const,
  /** Under the ticket's own key, so an action on the case (which may close it) reads them again too. */
  caseItems: (ticketId: number) => ['tickets', String(ticketId), 'config-items'] as const,
  graph: (customerId: number) => ['config-items', 'graph', customerId] as const,
};

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written views and bodies have exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [
  SameKeys<ConfigItemSummary, Schemas['ConfigItemSummary']>,
  SameKeys<ConfigItemView, Schemas['ConfigItemView']>,
  SameKeys<ConfigLinkView, Schemas['ConfigLinkView']>,
  SameKeys<ConfigUsedByView, Schemas['ConfigUsedByView']>,
  SameKeys<ConfigItemEventView, Schemas['ConfigItemEventView']>,
  SameKeys<NewConfigItem, Schemas['NewConfigItem']>,
  SameKeys<ConfigItemEdit, Schemas['ConfigItemEdit']>,
  SameKeys<NewConfigLink, Schemas['NewConfigLink']>,
  SameKeys<DeviceImpact, Schemas['DeviceImpact']>,
  SameKeys<ConfigItemChangeRef, Schemas['ConfigItemChangeRef']>,
  SameKeys<ItemCaseRef, Schemas['ItemCaseRef']>,
  SameKeys<CaseConfigItem, Schemas['CaseConfigItem']>,
  SameKeys<NewCaseConfigItem, Schemas['NewCaseConfigItem']>,
  SameKeys<ConfigGraph, Schemas['ConfigGraph']>,
  SameKeys<ConfigGraphNode, Schemas['ConfigGraphNode']>,
  SameKeys<ConfigGraphEdge, Schemas['ConfigGraphEdge']>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
