package com.aftercare.configitem;

/** One line of an item's lifecycle history. */
public enum ConfigItemAction {
    /** 登记 */
    CREATED,
    /** 修改: one field, with its old and new value. */
    EDITED,
    /** 添加关系 */
    LINKED,
    /** 解除关系 */
    UNLINKED
}
