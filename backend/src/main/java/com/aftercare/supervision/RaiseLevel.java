package com.aftercare.supervision;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.ticket.ChangeLevel;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * A supervisor raises a case's level (e.g. 3 → 2 → 1) with a reason (issue 15). Only upwards: the contract's scheme
 * lists its levels most severe first, and the new level must stand before the current one. The level change itself
 * is the desk's {@link ChangeLevel}: the clocks are replayed from receipt on the new level's targets, paused time
 * kept, and the running escalation told, as the SLA policy does for any level correction.
 */
@Service
class RaiseLevel {

    record Command(Long ticketId, String level, String reason) {
    }

    private final FindTicket tickets;
    private final PolicyCatalog policyCatalog;
    private final ChangeLevel changeLevel;

    RaiseLevel(FindTicket tickets, PolicyCatalog policyCatalog, ChangeLevel changeLevel) {
        this.tickets = tickets;
        this.policyCatalog = policyCatalog;
        this.changeLevel = changeLevel;
    }

    @Transactional
    public void raise(Command command) {
        Ticket t = tickets.getVisible(command.ticketId());
        if (t.getStatus() == TicketStatus.CLOSED) {
            throw new CannotAct(CannotAct.Code.CLOSED, "Case " + t.getNumber() + " is closed");
        }
        List<String> scheme = policyCatalog.definition(t.getPolicyId()).levels().stream().map(PolicyDefinition.LevelSpec::code).toList();
        int target = scheme.indexOf(command.level());
        if (target < 0) {
            throw new BadRequestException("level", "not a level of case " + t.getNumber() + "'s contract scheme; one of " + scheme);
        }
        int current = t.getLevel() == null ? scheme.size() : scheme.indexOf(t.getLevel());
        if (current >= 0 && target >= current) {
            throw new CannotAct(CannotAct.Code.NOT_MORE_SEVERE, "Case " + t.getNumber() + " is level " + t.getLevel()
                    + ", already at or above " + command.level());
        }
        changeLevel.change(new ChangeLevel.Command(t.getId(), command.level(), command.reason()));
    }
}
