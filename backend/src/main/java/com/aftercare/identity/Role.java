package com.aftercare.identity;

/**
 * The product's roles. User-task candidate groups in the BPMN models use exactly these names, so
 * "may this user work on this task" is a plain comparison, whatever signs the user in.
 */
public enum Role {
    SERVICE_DESK, ENGINEER, PROCESS_OWNER, SUPERVISOR, ADMIN,
    /** A customer's own user; what they may see is scoped to their customer (claim {@code customer_id}). */
    CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
