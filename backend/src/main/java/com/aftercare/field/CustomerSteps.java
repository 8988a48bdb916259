package com.aftercare.field;

import java.util.Map;
import java.util.Set;

import com.aftercare.identity.Role;

/**
 * Port: the open field steps of a case that the customer's side answers (reviewPlan, confirmCompletion). The
 * workflow feature implements it, so this feature stays away from the engine and free of a cycle with it.
 */
public interface CustomerSteps {

    /** The keys of the case's open user tasks. */
    Set<String> openTaskKeys(String ticketNumber);

    /**
     * Completes the case's open task {@code taskKey} with these form values as {@code user}, through the same checks
     * and records as any completion; {@code remotely}: answered in the portal, not on the engineer's phone.
     *
     * @throws com.aftercare.common.ConflictException when no such task is open
     */
    void complete(String ticketNumber, String taskKey, Map<String, Object> values, String user, Set<Role> roles,
            boolean remotely);
}
