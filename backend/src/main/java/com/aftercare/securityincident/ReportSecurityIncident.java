package com.aftercare.securityincident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Anyone who sees a security incident at a customer unit reports it (RP-6): staff for any unit, a customer's user for
 * their own. Supervisors and administrators are told in the app at once.
 */
@Service
public class ReportSecurityIncident {

    /** A report may name a time a little ahead of the server's clock (a phone's clock runs fast), not later. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    /** customerId: required for staff; a customer's user may leave it out (their unit). ticketId: the case, if any. */
    @Schema(name = "NewSecurityIncident")
    public record NewSecurityIncident(Long customerId, SecurityIncidentKind kind, SecurityImpact impact, String title,
            String description, Instant occurredAt, String involved, Long ticketId) {
    }

    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentEventRepository events;
    private final ReadSecurityIncidents views;
    private final AssetService assets;
    private final NotificationService notifications;
    private final Clock clock;

    ReportSecurityIncident(SecurityIncidentRepository incidents, SecurityIncidentEventRepository events,
            ReadSecurityIncidents views, AssetService assets, NotificationService notifications, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.views = views;
        this.assets = assets;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public ReadSecurityIncidents.IncidentView report(NewSecurityIncident command) {
        SecurityIncidentActor.requireReporter();
        return record(command, CurrentUser.username(), CurrentUser.isCustomer());
    }

    /**
     * An incident the product itself found (a device's configuration changed with no change or case to explain it),
     * reported by {@code system} in the caller's transaction, so that it exists exactly when what it is about does.
     */
    @Transactional
    public ReadSecurityIncidents.IncidentView reportDetected(NewSecurityIncident command) {
        return record(command, CurrentUser.SYSTEM, false);
    }

    private ReadSecurityIncidents.IncidentView record(NewSecurityIncident command, String by, boolean byCustomer) {
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<FieldError> errors = SecurityIncidentRules.errors();
        Long customerId = unit(command.customerId(), errors);
        if (command.kind() == null) {
            errors.add(new FieldError("kind", "is required (POLITICAL, LEAK, DATA_THEFT, UNAUTHORIZED_CHANGE, CONCEALMENT, "
                    + "BEYOND_AUTHORIZATION or OTHER)"));
        }
        if (command.impact() == null) {
            errors.add(new FieldError("impact", "is required (MINOR, SERIOUS or MAJOR)"));
        }
        String title = SecurityIncidentRules.required(command.title(), "title", SecurityIncidentRules.MAX_TITLE, errors);
        String description = SecurityIncidentRules.required(command.description(), "description",
                SecurityIncidentRules.MAX_TEXT, errors);
        String involved = SecurityIncidentRules.optional(command.involved(), "involved", SecurityIncidentRules.MAX_INVOLVED,
                errors);
        if (command.occurredAt() == null) {
            errors.add(new FieldError("occurredAt", "is required"));
        } else if (command.occurredAt().isAfter(now.plus(CLOCK_SLACK))) {
            errors.add(new FieldError("occurredAt", "may not be in the future"));
        }
        if (command.ticketId() != null) {
            List<Object[]> found = incidents.caseOf(command.ticketId());
            if (found.isEmpty()) {
                errors.add(new FieldError("ticketId", "unknown case " + command.ticketId()));
            } else if (customerId != null && ((Number) found.get(0)[0]).longValue() != customerId) {
                errors.add(new FieldError("ticketId", "case " + found.get(0)[1] + " is not of this customer unit"));
            }
        }
        SecurityIncidentRules.throwIfAny(errors);

        SecurityIncident incident = incidents.saveAndFlush(new SecurityIncident(new SecurityIncident.Report(customerId,
                command.kind(), command.impact(), title, description, involved, command.ticketId(),
                command.occurredAt().truncatedTo(ChronoUnit.MICROS)), by, byCustomer, now));
        events.save(new SecurityIncidentEvent(incident, by, now, SecurityIncidentAction.REPORTED, null));
        CaseEvent told = new CaseEvent.SecurityIncidentReported(incident.number(), title, assets.customerName(customerId),
                command.kind().name(), command.impact().name(), by);
        for (Role role : SecurityIncidentActor.INVESTIGATORS) {
            notifications.notifyRole(role, null, told, Labels.ZH, clock.getZone());
        }
        return views.view(incident);
    }

    /** The unit the incident is of: a customer's user's own; for staff (and the product) the one named, which must exist. */
    private Long unit(Long asked, List<FieldError> errors) {
        if (CurrentUser.isCustomer()) {
            long own = SecurityIncidentActor.ownUnit();
            if (own < 0) {
                throw new com.aftercare.common.ForbiddenException("Your account belongs to no customer unit");
            }
            if (asked != null && asked != own) {
                errors.add(new FieldError("customerId", "you report for your own unit only"));
                return null;
            }
            return own;
        }
        if (asked == null) {
            errors.add(new FieldError("customerId", "is required"));
            return null;
        }
        if (assets.customerName(asked) == null) {
            errors.add(new FieldError("customerId", "unknown customer unit " + asked));
            return null;
        }
        return asked;
    }
}
