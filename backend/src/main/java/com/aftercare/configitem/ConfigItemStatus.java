package com.aftercare.configitem;

/** Where an item is in its life (seed 003: 状态). A retired item stays on record with its relations and history. */
public enum ConfigItemStatus {
    /** 规划中: being built; relations may already be recorded. */
    PLANNED,
    /** 运行中 */
    IN_SERVICE,
    /** 已停用: no new relations to or from it; a device's failure no longer affects it. */
    RETIRED
}
