package com.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.sla.DeadlinePolicy;

/**
 * The ticket record and its timeline. Creating a ticket starts its fault-intake process in the
 * same transaction; the process steps call back in here to move the record along.
 */
@Service
public class TicketService {

    public static final String PROCESS_KEY = "faultIntake";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final AssetService assets;
    private final DeadlinePolicy deadlines;
    private final RuntimeService runtimeService;
    private final Clock clock;

    TicketService(TicketRepository tickets, TicketEventRepository events, AssetService assets, DeadlinePolicy deadlines,
            RuntimeService runtimeService, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.assets = assets;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public record Created(Ticket ticket, boolean isNew) {
    }

    /**
     * Records a fault report and starts its process. A repeated request with the same idempotency
     * key (a monitoring system retrying) returns the first ticket instead of opening a second one.
     */
    @Transactional
    public Created create(NewTicket request, String idempotencyKey) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new BadRequestException("Idempotency-Key", "must be 1 to 100 characters");
            }
            Optional<Ticket> earlier = tickets.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        Site site = assets.requireSite(request.siteId(), "siteId");
        Device device = null;
        if (request.deviceId() != null) {
            device = assets.requireDevice(request.deviceId(), "deviceId");
            if (!device.getSite().getId().equals(site.getId())) {
                throw new BadRequestException("deviceId", "device " + device.getId() + " is not at site " + site.getId());
            }
        }
        Instant now = clock.instant();
        Ticket ticket = tickets.save(new Ticket(request, site, device, idempotencyKey, now));
        ticket.assignNumber(now.atZone(clock.getZone()).getYear());
        tickets.flush();
        append(ticket.getId(), "CREATED", "Ticket " + ticket.getNumber() + " recorded from " + request.channel()
                + ": " + ticket.getTitle());

        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", ticket.getId());
        variables.put("impact", request.impact().name());
        variables.put("urgency", request.urgency().name());
        variables.put("category", request.category().name());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, ticket.getNumber(), variables);
        ticket.startedProcess(instance.getId());
        return new Created(ticket, true);
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> findByIdempotencyKey(String idempotencyKey) {
        return tickets.findByIdempotencyKey(idempotencyKey);
    }

    @Transactional(readOnly = true)
    public Ticket get(Long id) {
        return tickets.findWithSiteAndDevice(id).orElseThrow(() -> new NotFoundException("No ticket " + id));
    }

    @Transactional(readOnly = true)
    public Page<Ticket> search(TicketStatus status, Long siteId, String assignee, boolean overdue, Pageable page) {
        return tickets.search(status, siteId, assignee, overdue, clock.instant(), page);
    }

    @Transactional(readOnly = true)
    public List<TicketEvent> timeline(Long ticketId) {
        return events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    // ---- called by process steps (same transaction as the engine) ----

    @Transactional
    public Ticket applyLevel(Long ticketId, int level) {
        Ticket t = load(ticketId);
        DeadlinePolicy.Deadlines d = deadlines.deadlinesFor(level, t.getCreatedAt());
        t.applyLevel(level, d.responseDue(), d.resolutionDue());
        append(ticketId, "LEVEL", "Level " + level + " from impact " + t.getImpact() + " x urgency " + t.getUrgency()
                + "; respond by " + local(d.responseDue()) + ", resolve by " + local(d.resolutionDue()));
        return t;
    }

    @Transactional
    public void changeStatus(Long ticketId, TicketStatus status) {
        Ticket t = load(ticketId);
        if (t.getStatus() != status) {
            t.changeStatus(status);
            t.touch(clock.instant());
        }
    }

    @Transactional
    public void assign(Long ticketId, String engineer) {
        Ticket t = load(ticketId);
        if (engineer != null && !engineer.equals(t.getAssignee())) {
            t.assignTo(engineer);
            append(ticketId, "ASSIGNED", "Assigned to " + engineer);
        }
    }

    @Transactional
    public void recordTaskCompleted(Long ticketId, String taskName, Map<String, Object> formValues) {
        Ticket t = load(ticketId);
        formValues.forEach(t::recordFormValue);
        t.touch(clock.instant());
        StringBuilder message = new StringBuilder("Completed \"").append(taskName).append('"');
        formValues.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                message.append("; ").append(k).append(": ").append(v);
            }
        });
        append(ticketId, "TASK_COMPLETED", message.toString());
    }

    @Transactional
    public void markResponded(Long ticketId) {
        Ticket t = load(ticketId);
        Instant now = clock.instant();
        if (t.getRespondedAt() == null) {
            t.markResponded(now);
            append(ticketId, "RESPONDED", t.getResponseDue() != null && now.isAfter(t.getResponseDue())
                    ? "Response recorded after the deadline " + local(t.getResponseDue())
                    : "Response recorded within the deadline");
        }
    }

    @Transactional
    public void markResolved(Long ticketId, String how) {
        Ticket t = load(ticketId);
        Instant now = clock.instant();
        t.markResolved(now);
        append(ticketId, "RESOLVED", how + (t.getResolutionDue() != null && now.isAfter(t.getResolutionDue())
                ? " (after the resolution deadline)" : " (within the resolution deadline)"));
    }

    @Transactional
    public void reopen(Long ticketId) {
        Ticket t = load(ticketId);
        t.reopen();
        t.touch(clock.instant());
        append(ticketId, "REOPENED", "Customer reports the fault is not fixed; back to dispatch");
    }

    @Transactional
    public void close(Long ticketId) {
        Ticket t = load(ticketId);
        t.close(clock.instant());
        append(ticketId, "CLOSED", "Closed after the customer confirmed the fix");
    }

    @Transactional
    public void markEscalated(Long ticketId, String clockName) {
        Ticket t = load(ticketId);
        t.markEscalated();
        append(ticketId, "ESCALATED", clockName + " deadline missed; supervisors notified");
    }

    /** Whether the named clock (RESPONSE or RESOLUTION) was met, i.e. an escalation is unnecessary. */
    @Transactional(readOnly = true)
    public boolean clockMet(Long ticketId, String clockName) {
        Ticket t = load(ticketId);
        return switch (clockName) {
            case "RESPONSE" -> t.getRespondedAt() != null;
            case "RESOLUTION" -> t.getResolvedAt() != null || t.getStatus() == TicketStatus.CLOSED;
            default -> throw new IllegalArgumentException("Unknown clock " + clockName);
        };
    }

    @Transactional
    public void note(Long ticketId, String type, String message) {
        append(ticketId, type, message);
    }

    /** Times in timeline lines are read by people: local time of the service zone, to the minute. */
    private String local(Instant instant) {
        return MINUTES.withZone(clock.getZone()).format(instant);
    }

    private Ticket load(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("No ticket " + ticketId));
    }

    private void append(Long ticketId, String type, String message) {
        events.save(new TicketEvent(ticketId, clock.instant(), CurrentUser.username(), type, message));
    }
}
