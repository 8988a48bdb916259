package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.sla.ClockTicket;

/** One ticket by id: as stored, as the signed-in user may see it, or as the clock engine sees it. */
@Service
public class FindTicket {

    private final LoadTicket load;

    FindTicket(LoadTicket load) {
        this.load = load;
    }

    /** With its site and device. */
    @Transactional(readOnly = true)
    public Ticket get(Long id) {
        return load.withSite(id);
    }

    /**
     * A ticket the signed-in user may see: any for staff; for a customer's user only their own unit's,
     * and another unit's ticket is "not found" (its existence is not confirmed).
     */
    @Transactional(readOnly = true)
    public Ticket getVisible(Long id) {
        Ticket ticket = get(id);
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && !scope.equals(ticket.getSite().getCustomer().getId())) {
            throw new NotFoundException("No ticket " + id);
        }
        return ticket;
    }

    @Transactional(readOnly = true)
    public ClockTicket clockTicket(Long id) {
        return clockTicket(get(id));
    }

    /** What the clock engine needs to derive a ticket's clocks. */
    public ClockTicket clockTicket(Ticket t) {
        return clockTicketOf(t);
    }

    static ClockTicket clockTicketOf(Ticket t) {
        return new ClockTicket(t.getId(), t.getPolicyId(), t.getContractId(), t.getLevel(), t.getSite().getRegion(),
                t.getStatus() == TicketStatus.CLOSED, t.terms());
    }
}
