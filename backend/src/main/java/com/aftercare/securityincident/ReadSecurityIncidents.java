package com.aftercare.securityincident;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Security incidents as people read them (RP-6): supervisors and administrators every one, a customer's user their own
 * unit's, the desk, engineers and process owners only those they reported.
 */
@Service
public class ReadSecurityIncidents {

    static final int MAX_LISTED = 500;

    @Schema(name = "SecurityIncidentSummary")
    public record Summary(long id, String number, long customerId, String customerName, SecurityIncidentKind kind,
            SecurityImpact impact, SecurityIncidentStatus status, String title, Instant occurredAt, Instant reportedAt,
            String reportedBy, String reportedByName, boolean reportedByCustomer, String handler, String handlerName,
            Instant customerToldAt, Instant closedAt) {
    }

    @Schema(name = "SecurityIncidentEvent")
    public record EventView(long id, Instant at, String actor, String actorName, SecurityIncidentAction action, String note) {
    }

    @Schema(name = "SecurityIncidentView")
    public record IncidentView(long id, String number, long customerId, String customerName, SecurityIncidentKind kind,
            SecurityImpact impact, SecurityIncidentStatus status, String title, Instant occurredAt, Instant reportedAt,
            String reportedBy, String reportedByName, boolean reportedByCustomer, String handler, String handlerName,
            Instant customerToldAt, Instant closedAt, String description, String involved, Long ticketId,
            String ticketNumber, String customerToldHow, String measures, String conclusion, long revision,
            boolean canTake, boolean canHandle, List<EventView> events) {
    }

    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentEventRepository events;
    private final AssetService assets;
    private final PersonNames names;

    ReadSecurityIncidents(SecurityIncidentRepository incidents, SecurityIncidentEventRepository events, AssetService assets,
            PersonNames names) {
        this.incidents = incidents;
        this.events = events;
        this.assets = assets;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public List<Summary> list(Long customerId, SecurityIncidentStatus status, SecurityIncidentKind kind) {
        SecurityIncidentActor.requireReporter();
        Long unit = CurrentUser.isCustomer() ? Long.valueOf(SecurityIncidentActor.ownUnit()) : customerId;
        String onlyReportedBy = CurrentUser.isCustomer() || SecurityIncidentActor.isInvestigator() ? null
                : CurrentUser.username();
        Map<Long, String> unitNames = new HashMap<>();
        Map<String, String> people = new HashMap<>();
        return incidents.search(unit, status, kind, onlyReportedBy, PageRequest.of(0, MAX_LISTED)).stream()
                .map(i -> new Summary(i.getId(), i.number(), i.getCustomerId(),
                        unitNames.computeIfAbsent(i.getCustomerId(), assets::customerName), i.getKind(), i.getImpact(),
                        i.getStatus(), i.getTitle(), i.getOccurredAt(), i.getReportedAt(), i.getReportedBy(),
                        person(people, i.getReportedBy()), i.isReportedByCustomer(), i.getHandler(),
                        person(people, i.getHandler()), i.getCustomerToldAt(), i.getClosedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public IncidentView one(long id) {
        return view(visible(incidents.findById(id), id));
    }

    /**
     * The incident to act on, under its row lock, if the caller may read it; "not found" for one they may not see (an
     * incident's existence is itself confidential).
     */
    SecurityIncident lockedForChange(long id) {
        return visible(incidents.findForChange(id), id);
    }

    private SecurityIncident visible(java.util.Optional<SecurityIncident> found, long id) {
        SecurityIncidentActor.requireReporter();
        SecurityIncident incident = found.orElseThrow(() -> notFound(id));
        boolean visible = CurrentUser.isCustomer() ? incident.getCustomerId() == SecurityIncidentActor.ownUnit()
                : SecurityIncidentActor.isInvestigator() || Objects.equals(incident.getReportedBy(), CurrentUser.username());
        if (!visible) {
            throw notFound(id);
        }
        return incident;
    }

    IncidentView view(SecurityIncident i) {
        String ticketNumber = null;
        if (i.getTicketId() != null) {
            ticketNumber = incidents.caseOf(i.getTicketId()).stream().map(r -> (String) r[1]).findFirst().orElse(null);
        }
        boolean investigator = SecurityIncidentActor.isInvestigator();
        List<EventView> lines = events.newestFirst(i.getId()).stream().map(e -> new EventView(e.getId(), e.getHappenedAt(),
                e.getActor(), names.of(e.getActor()), e.getAction(), e.getNote())).toList();
        return new IncidentView(i.getId(), i.number(), i.getCustomerId(), assets.customerName(i.getCustomerId()), i.getKind(),
                i.getImpact(), i.getStatus(), i.getTitle(), i.getOccurredAt(), i.getReportedAt(), i.getReportedBy(),
                names.of(i.getReportedBy()), i.isReportedByCustomer(), i.getHandler(),
                i.getHandler() == null ? null : names.of(i.getHandler()), i.getCustomerToldAt(), i.getClosedAt(),
                i.getDescription(), i.getInvolved(), i.getTicketId(), ticketNumber, i.getCustomerToldHow(), i.getMeasures(),
                i.getConclusion(), i.getRevision(), investigator && i.getStatus() == SecurityIncidentStatus.REPORTED,
                investigator && i.getStatus() == SecurityIncidentStatus.INVESTIGATING, lines);
    }

    private String person(Map<String, String> people, String username) {
        return username == null ? null : people.computeIfAbsent(username, names::of);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No security incident " + id);
    }
}
