package com.aftercare.ticket;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The headlines of many tickets in one query, for lists that show a ticket next to each row (the
 * task inbox): loading tickets one by one there cost a statement per row.
 */
@Component
public class TicketHeadlines {

    private final EntityManager entities;

    TicketHeadlines(EntityManager entities) {
        this.entities = entities;
    }

    /** Headline by ticket id; ids without a ticket are missing from the map. */
    @Transactional(readOnly = true)
    public Map<Long, TicketHeadline> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entities.createQuery("select new com.aftercare.ticket.TicketHeadline(t.id, t.number, t.title, s.name,"
                        + " s.address, t.level, t.policyId, t.status, t.holdReason, t.responseDue, t.respondedAt,"
                        + " t.resolutionDue, t.resolvedAt) from Ticket t join t.site s where t.id in :ids", TicketHeadline.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(TicketHeadline::id, Function.identity()));
    }
}
