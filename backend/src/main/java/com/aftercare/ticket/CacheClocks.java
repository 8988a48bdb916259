package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;

/** Keeps the list columns (due times, escalation rung) in step with what the clock engine derived. */
@Service
public class CacheClocks {

    private final LoadTicket load;

    CacheClocks(LoadTicket load) {
        this.load = load;
    }

    @Transactional
    public void cache(Long ticketId, List<ClockStatus> clocks) {
        Ticket t = load.byId(ticketId);
        Instant responseDue = clocks.stream().filter(c -> c.clock() == ClockName.RESPONSE && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        Instant resolutionDue = clocks.stream().filter(c -> c.clock() == ClockName.RESOLUTION && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        int level = clocks.stream().mapToInt(ClockStatus::escalationLevel).max().orElse(0);
        t.cacheClocks(responseDue, resolutionDue, level);
    }
}
