package com.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.micrometer.core.instrument.MeterRegistry;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.common.AfterCommit;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.idempotency.IdempotencyKey;
import com.aftercare.sla.CaseOpening;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.sla.Assignment;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Records a fault report and starts its case. A repeated request with the same idempotency key (a
 * monitoring system retrying) returns the first ticket instead of opening a second one; the same key
 * with another report or from another caller is refused (see {@link #replay}).
 * <p>
 * The report's own fields (including when the call was taken, {@link ReceivedRecently}) are
 * validated on {@link NewTicket} by Bean Validation, here as well as at the controller, so reports
 * from code are held to the same rules; what is checked in the body depends on stored data (the
 * site and device exist, the caller's unit).
 */
@Service
@Validated
public class ReportFault {

    /** Prometheus: {@code aftercare_cases_reported_total{channel,type}}. */
    static final String REPORTED = "aftercare.cases.reported";
    private static final Logger log = LoggerFactory.getLogger(ReportFault.class);

    private final TicketRepository tickets;
    private final TicketRows rows;
    private final AssetService assets;
    private final ContractBook contractBook;
    private final RecordMilestone recordMilestone;
    private final CaseProcess caseProcess;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final MeterRegistry meters;

    ReportFault(TicketRepository tickets, TicketRows rows, AssetService assets, ContractBook contractBook, RecordMilestone recordMilestone, CaseProcess caseProcess, CaseTimeline timeline,
            Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.tickets = tickets;
        this.rows = rows;
        this.assets = assets;
        this.contractBook = contractBook;
        this.recordMilestone = recordMilestone;
        this.caseProcess = caseProcess;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The ticket, and whether this request opened it (false: a retry answered with the first one). */
    public record Created(Ticket ticket, boolean isNew) {
    }

    @Transactional
    public Created report(@Valid NewTicket request, String idempotencyKey) {
        if (idempotencyKey != null) {
            IdempotencyKey.check(idempotencyKey);
            Optional<Ticket> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        checkRequestType(request);
        if (CurrentUser.isCustomer()) {
            checkCustomerReport(request);
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
        Assignment assignment = contractBook.assignmentFor(site.getCustomer().getId());
        Ticket ticket = new Ticket(rows.nextId(), request, site, device, idempotencyKey, now, assignment.contractId(),
                assignment.policyId(), assignment.terms());
        // numbered before the insert, so the row is written once (ADR 0062)
        ticket.assignNumber(now.atZone(clock.getZone()).getYear());
        if (idempotencyKey != null) {
            ticket.rememberRequest(ReportFingerprint.of(CurrentUser.username(), request));
        }
        // the row is written once, after the opening decided its level, warranty and clocks (ADR 0090)
        rows.insertAfter(ticket, () -> open(ticket, request, assignment));
        String outer = MDC.get(CaseNumberInLogs.KEY); // e.g. the survey whose answer reports this fault
        MDC.put(CaseNumberInLogs.KEY, ticket.getNumber());
        log.info("Reported via {} ({}), level {}", request.channel(), request.type(), ticket.getLevel());
        if (outer == null) {
            MDC.remove(CaseNumberInLogs.KEY);
        } else {
            MDC.put(CaseNumberInLogs.KEY, outer);
        }
        // cases reported per channel (README "Metrics"): counted once the case exists, never for a refused report or a replay
        AfterCommit.run(() -> meters.counter(REPORTED, "channel", request.channel().name(), "type", request.type().name()).increment());
        return new Created(ticket, true);
    }

    /** The case's timeline, its received milestone and its processes; the process instance is kept on the ticket. */
    private void open(Ticket ticket, NewTicket request, Assignment assignment) {
        timeline.record(ticket.getId(), new CaseEvent.Created(ticket.getNumber(), request.channel(), ticket.getTitle(),
                request.receivedAt() == null ? null : ticket.getReceivedAt()));
        String instanceId;
        if (request.type() == RequestType.FAULT) {
            // the policy's clocks (dispatch, response, resolution, ...) time faults; the other request types run their
            // own model's clock (ADR 0037), so they start none of the policy's. Until the case's escalation has read
            // the clocks, the milestones recorded here signal nobody (CaseOpening, ADR 0053)
            instanceId = CaseOpening.open(ticket.getId(), () -> {
                recordMilestone.record(ticket.getId(), MilestoneKind.RECEIVED, ticket.getReceivedAt(),
                        "policy " + assignment.policyCode() + ", via " + request.channel());
                return caseProcess.startFaultIntake(new CaseProcess.FaultIntake(ticket.getId(), ticket.getNumber(),
                        request.impact(), request.urgency(), request.category(), assignment.levelDecision()));
            });
        } else {
            instanceId = caseProcess.startRequest(new CaseProcess.RequestCase(ticket.getId(), ticket.getNumber(),
                    request.type(), request.serviceItem()));
        }
        ticket.startedProcess(instanceId);
    }

    /**
     * The ticket an earlier request with this key opened, if this request is a retry of it. The key is
     * bound to the caller and the report (IETF Idempotency-Key draft): reused for anything else it is a
     * client error, never a way to read someone else's ticket. Tickets from before fingerprints were
     * kept (null) replay for any request with their key, as they always did.
     */
    @Transactional(readOnly = true)
    public Optional<Ticket> replay(String idempotencyKey, NewTicket request) {
        Optional<Ticket> earlier = tickets.findByIdempotencyKey(idempotencyKey);
        if (earlier.isEmpty()) {
            return earlier;
        }
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && !scope.equals(earlier.get().getSite().getCustomer().getId())) {
            // never hand another unit's ticket back, not even its number
            throw new BadRequestException("Idempotency-Key", "already used; send a new key");
        }
        String fingerprint = earlier.get().getIdempotencyFingerprint();
        if (fingerprint != null && !fingerprint.equals(ReportFingerprint.of(CurrentUser.username(), request))) {
            throw new UnprocessableException("Idempotency-Key",
                    "already used for a different report or by another caller; send a new key for a new report");
        }
        return earlier;
    }

    /** A service request names its catalogue item; no other type has one (IN-3, ADR 0037). */
    private static void checkRequestType(NewTicket request) {
        // IN-3: one question, not two. A client that names the type gets the category from it; one that sends both
        // must not contradict itself. A client from before request types (no type) sends a category as it always did.
        if (request.requestType() != null && request.category() != request.requestType().category()) {
            throw new BadRequestException("category", "follows from the request type: " + request.requestType() + " is "
                    + request.requestType().category() + "; leave it out or send that");
        }
        // both named at once, so a form marks every missing grade in one answer
        java.util.List<BadRequestException.FieldError> grades = new java.util.ArrayList<>();
        if (request.type() == RequestType.FAULT && request.impact() == null) {
            grades.add(new BadRequestException.FieldError("impact", "a fault needs its impact (LOW, MEDIUM or HIGH) for its level"));
        }
        if (request.type() == RequestType.FAULT && request.urgency() == null) {
            grades.add(new BadRequestException.FieldError("urgency", "a fault needs its urgency (LOW, MEDIUM or HIGH) for its level"));
        }
        if (!grades.isEmpty()) {
            throw new BadRequestException(grades);
        }
        if (request.type() == RequestType.SERVICE_REQUEST && request.serviceItem() == null) {
            throw new BadRequestException("serviceItem", "a service request names its item (FOOTAGE_EXTRACTION, PARTS_PURCHASE or UPGRADE)");
        }
        if (request.type() != RequestType.SERVICE_REQUEST && request.serviceItem() != null) {
            throw new BadRequestException("serviceItem", "only a service request (requestType SERVICE_REQUEST) names a service item");
        }
    }

    /** A customer's user reports for their own unit's sites, through the web, as the call happens. */
    private void checkCustomerReport(NewTicket request) {
        Long customerId = CurrentUser.customerId();
        Site site = assets.requireSite(request.siteId(), "siteId");
        if (!customerId.equals(site.getCustomer().getId())) {
            throw new BadRequestException("siteId", "unknown site " + request.siteId());
        }
        if (request.channel() != Channel.WEB) {
            throw new BadRequestException("channel", "a customer reports through the web (WEB)");
        }
        if (request.receivedAt() != null) {
            throw new BadRequestException("receivedAt", "only the service desk records when a call was taken");
        }
    }
}
