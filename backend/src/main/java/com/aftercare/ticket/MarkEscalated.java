package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request type's own clock ran out and the people above were told (issue 15, ADR 0037): the case shows as
 * escalated on the lists and the board, as a case whose policy clock escalated does.
 */
@Service
public class MarkEscalated {

    private final LoadTicket load;

    MarkEscalated(LoadTicket load) {
        this.load = load;
    }

    @Transactional
    public void mark(Long ticketId) {
        load.byId(ticketId).markEscalated();
    }
}
