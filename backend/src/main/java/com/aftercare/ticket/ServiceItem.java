package com.aftercare.ticket;

/**
 * The catalogue of service requests (seed 000: 按用户需求提供提取录像的服务, 升级服务; seed 002: 服務所需備配件購買、
 * 特殊服務要求如購件、升級). Chinese and English names are the labels "serviceItem.&lt;code&gt;".
 */
public enum ServiceItem {
    /** 录像调取: copy recordings of given cameras and times for the customer. No cost. */
    FOOTAGE_EXTRACTION(false),
    /** 配件采购: buy parts for the customer; costs money, so the customer's approval of the quote comes first. */
    PARTS_PURCHASE(true),
    /** 升级: firmware or software upgrade, part of the maintenance contract (seeds 000, 001). No cost. */
    UPGRADE(false);

    private final boolean costInvolved;

    ServiceItem(boolean costInvolved) {
        this.costInvolved = costInvolved;
    }

    /** Whether the item costs the customer money, so the model asks for approval before fulfilling it. */
    public boolean costInvolved() {
        return costInvolved;
    }
}
