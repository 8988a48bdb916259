package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names who holds a case that is not dispatched to an engineer (a complaint's owner, issue 15): the lists show them
 * as the case's assignee. The request package records what the timeline says about it.
 */
@Service
public class AssignOwner {

    private final LoadTicket load;

    AssignOwner(LoadTicket load) {
        this.load = load;
    }

    @Transactional
    public void assign(Long ticketId, String owner) {
        load.byId(ticketId).assignTo(owner);
    }
}
