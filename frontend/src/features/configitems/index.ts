// Configuration management (配置管理, RP-4): the items of each customer unit, their relations to devices and to
// each other, their history; and, for the case and change pages, which items a device's failure affects.
export { ConfigItemsPage } from './ConfigItemsPage';
export { ConfigItemDetailPage } from './ConfigItemDetailPage';
export { DeviceImpact, DevicesImpact } from './DeviceImpact';
export { CaseConfigItems } from './CaseConfigItems';
export {
  CASE_ITEM_EDITORS,
  CONFIG_ITEM_ACTIONS,
  CONFIG_ITEM_FIELDS,
  CONFIG_ITEM_KINDS,
  CONFIG_ITEM_STATUSES,
  CONFIG_RELATIONS,
  CONFIG_TARGET_TYPES,
  configItemKeys,
  configItemsApi,
} from './api';
export type {
  ConfigItemKind,
  ConfigItemStatus,
  ConfigItemSummary,
  ConfigItemView,
  DeviceImpact as DeviceImpactView,
} from './api';
export { codeLabel, ConfigKindTag, ConfigStatusTag } from './parts';
