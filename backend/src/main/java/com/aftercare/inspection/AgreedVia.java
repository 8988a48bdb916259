package com.aftercare.inspection;

/** How the inspection time was agreed with the customer (PM-4: 书面确认): in the portal, or a call the desk recorded. */
public enum AgreedVia {
    PORTAL, CALL
}
