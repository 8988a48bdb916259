package com.aftercare.identity;

/**
 * The product's roles. User-task candidate groups in the BPMN models use exactly these names, so
 * "may this user work on this task" is a plain comparison, whatever signs the user in.
 */
public enum Role {
    SERVICE_DESK, ENGINEER, PROCESS_OWNER, SUPERVISOR, ADMIN,
    /** A user of a customer unit (local account, or the token's {@code customer_id} claim): reports and follows
     * that unit's tickets only (see CustomerRoutes). */
    CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
