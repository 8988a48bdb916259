package com.aftercare.configitem;

/** How an item rests on a device or another item (seed 002: 应用系统与IT资产硬件之间的关联性). */
public enum ConfigRelation {
    /** 运行于: the software runs on this server, recorder or item. */
    RUNS_ON,
    /** 依赖于: it stops working when the target does (storage, a platform, a licence server). */
    DEPENDS_ON,
    /** 连接至: it reaches its users or devices through this switch, line or link. */
    CONNECTS_TO
}
