package com.aftercare.ticket;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;

/** The cases still open on a device: what the intake form warns about before a second case is opened (issue 15). */
@Service
public class OpenCasesOnDevice {

    private final TicketRepository tickets;
    private final Clock clock;

    OpenCasesOnDevice(TicketRepository tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> of(long deviceId) {
        var now = clock.instant();
        return tickets.findOpenOnDevice(deviceId, CurrentUser.scopeCustomerId()).stream()
                .map(t -> TicketSummary.of(t, now)).toList();
    }
}
