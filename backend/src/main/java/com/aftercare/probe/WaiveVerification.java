package com.aftercare.probe;

import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.Role;
import com.aftercare.probes.CheckReason;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Issue 14: a device whose probe settings are missing fails verification as "not configured"; the desk (or a
 * supervisor) may waive that for one case with a reason, recorded on the timeline (and so in the audit chain).
 * The next verification then passes the not-configured checks, saying it was waived and by whom.
 */
@Service
public class WaiveVerification {

    public static final int MAX_REASON = 1000;

    private final VerificationWaiverRepository waivers;
    private final ProbeResultRepository results;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final Clock clock;

    WaiveVerification(VerificationWaiverRepository waivers, ProbeResultRepository results, FindTicket tickets, CaseTimeline timeline,
            Clock clock) {
        this.waivers = waivers;
        this.results = results;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public VerificationWaiver waive(Long ticketId, String reason, String user, Set<Role> roles) {
        if (!roles.contains(Role.SERVICE_DESK) && !roles.contains(Role.SUPERVISOR)) {
            throw new ForbiddenException("Only the service desk or a supervisor may waive a device's verification");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new BadRequestException("reason", "is required: say why the device cannot be checked");
        }
        if (why.length() > MAX_REASON) {
            throw new BadRequestException("reason", "must be at most " + MAX_REASON + " characters");
        }
        Ticket t = tickets.getVisible(ticketId);
        if (t.getStatus() == TicketStatus.CLOSED) {
            throw ConflictException.of("caseClosed", Map.of("number", t.getNumber()));
        }
        if (t.getDevice() == null) {
            throw ConflictException.of("noDeviceToVerify", Map.of("number", t.getNumber()));
        }
        VerificationWaiver saved = waivers.save(new VerificationWaiver(ticketId, why, user, clock.instant()));
        timeline.record(ticketId, new CaseEvent.VerificationWaived(t.getDevice().getName(), why));
        return saved;
    }

    @Transactional(readOnly = true)
    public Optional<VerificationWaiver> of(Long ticketId) {
        return waivers.findFirstByTicketIdOrderByWaivedAtDescIdDesc(ticketId);
    }

    /**
     * Whether the case page offers the waiver to this user: desk or supervisor, the case open, no waiver yet, and the
     * newest verification failed only because checks are not configured.
     */
    @Transactional(readOnly = true)
    public boolean offered(Ticket t, Set<Role> roles) {
        if (!roles.contains(Role.SERVICE_DESK) && !roles.contains(Role.SUPERVISOR)) {
            return false;
        }
        if (t.getStatus() == TicketStatus.CLOSED || t.getDevice() == null || of(t.getId()).isPresent()) {
            return false;
        }
        List<ProbeResult> all = results.findByTicketIdOrderByStartedAtAscIdAsc(t.getId());
        if (all.isEmpty()) {
            return false;
        }
        ProbeResult last = all.get(all.size() - 1);
        return !last.isPassed() && last.getChecks().stream().anyMatch(c -> CheckReason.NOT_CONFIGURED.name().equals(c.reason()));
    }
}
