package com.aftercare.configitem;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.aftercare.ticket.TicketStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fault cases that name an item (RP-4: a failed application is a fault too, often with no one device to blame).
 * Declared here and answered by the caseitem feature, which depends on this one and not the other way round.
 */
public interface CasesOfItem {

    /** A case naming the item: reportedAt when the case came in, linkedAt when it named the item. */
    @Schema(name = "ItemCaseRef")
    record CaseRef(long id, String number, String title, TicketStatus status, Instant reportedAt, Instant linkedAt) {
    }

    /** The cases naming the item, most recently named first, at most {@code max}. */
    List<CaseRef> naming(long itemId, int max);

    /** How many open cases name each of the items; an item with none is left out. */
    Map<Long, Long> openCounts(Collection<Long> itemIds);
}
