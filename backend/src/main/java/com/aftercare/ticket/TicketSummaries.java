package com.aftercare.ticket;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * List rows of many tickets in one query, in the order asked (issue 15: the search feature finds and orders the
 * ids, this loads the page). The caller has already applied the reader's scope.
 */
@Component
public class TicketSummaries {

    private final TicketRepository tickets;
    private final Clock clock;

    TicketSummaries(TicketRepository tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Rows in the order of {@code ids}; ids without a ticket are left out. */
    @Transactional(readOnly = true)
    public List<TicketSummary> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        Map<Long, Ticket> byId = tickets.findWithSiteAndDeviceByIdIn(ids).stream()
                .collect(Collectors.toMap(Ticket::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(t -> TicketSummary.of(t, now)).toList();
    }
}
