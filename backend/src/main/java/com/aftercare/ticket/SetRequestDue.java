package com.aftercare.ticket;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the due time of a request type's own clock on the case (issue 15, ADR 0037), so the case and the lists
 * show it; the request package computes it and the model's timer waits for it.
 */
@Service
public class SetRequestDue {

    private final LoadTicket load;

    SetRequestDue(LoadTicket load) {
        this.load = load;
    }

    @Transactional
    public Ticket set(Long ticketId, Instant due) {
        Ticket t = load.byId(ticketId);
        t.requestDue(due);
        return t;
    }
}
