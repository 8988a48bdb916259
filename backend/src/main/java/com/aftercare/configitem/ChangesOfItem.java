package com.aftercare.configitem;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the change requests say about configuration items (RP-5 naming RP-4's items). Declared here and answered by
 * the change feature, which depends on this one and not the other way round (features stay free of cycles).
 */
public interface ChangesOfItem {

    /** A change naming an item; status and outcome are the change feature's codes (labelled by the page). */
    @Schema(name = "ConfigItemChangeRef")
    record ChangeRef(long id, String number, String title, String status, Instant plannedStart, Instant plannedEnd,
            String outcome) {
    }

    /** The changes naming the item that the signed-in user may see, newest window first. */
    List<ChangeRef> naming(long customerId, long itemId);

    /** The change's number as people say it (CHG-000012). */
    String number(long changeId);
}
