package com.aftercare.change;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The desk, an engineer or a supervisor asks for a change to a customer's running system (RP-5): what will be done and
 * why, what it touches (devices and configuration items), how it is undone, when, and who carries it out; a major change
 * also says how it is tested. The
 * supervisors are told it waits for them; change-request.bpmn takes it from there.
 */
@Service
public class RequestChange {

    @Schema(name = "NewChange")
    public record NewChange(Long customerId, Long siteId, List<Long> deviceIds, String title, String description, String reason,
            String impact, String fallback, Boolean major, String testPlan, Instant plannedStart, Instant plannedEnd,
            String implementer, List<Long> configItemIds) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final AssetService assets;
    private final AccountService accounts;
    private final ChangeNotices notices;
    private final ReadChanges views;
    private final ReadConfigItems items;
    private final Clock clock;

    RequestChange(ChangeRequestRepository changes, ChangeProcess process, AssetService assets, AccountService accounts,
            ChangeNotices notices, ReadChanges views, ReadConfigItems items, Clock clock) {
        this.items = items;
        this.changes = changes;
        this.process = process;
        this.assets = assets;
        this.accounts = accounts;
        this.notices = notices;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView request(NewChange command) {
        ChangeActor actor = ChangeActor.current();
        actor.require(ChangeActor.REQUESTERS, "ask for changes");
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        Instant now = clock.instant();
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        Long customerId = command.customerId();
        if (customerId == null) {
            errors.add(new BadRequestException.FieldError("customerId", "is required"));
        } else if (assets.customerName(customerId) == null) {
            errors.add(new BadRequestException.FieldError("customerId", "unknown customer unit " + customerId));
            customerId = null;
        }
        Long siteId = command.siteId();
        if (siteId != null && customerId != null) {
            Site site = assets.requireSite(siteId, "siteId");
            if (!site.getCustomer().getId().equals(customerId)) {
                errors.add(new BadRequestException.FieldError("siteId", "site " + siteId + " is not the customer unit's"));
            }
        }
        List<Long> deviceIds = devices(command.deviceIds(), customerId, siteId, errors);
        List<Long> configItemIds = items.namedInChange(command.configItemIds(), customerId, errors);
        ChangeRequest.ChangeText text = new ChangeRequest.ChangeText(
                ChangeRules.text(command.title(), "title", ChangeRules.MAX_TITLE, errors),
                ChangeRules.text(command.description(), "description", ChangeRules.MAX_DESCRIPTION, errors),
                ChangeRules.text(command.reason(), "reason", ChangeRules.MAX_TEXT, errors),
                ChangeRules.text(command.impact(), "impact", ChangeRules.MAX_TEXT, errors),
                ChangeRules.text(command.fallback(), "fallback", ChangeRules.MAX_TEXT, errors));
        if (command.major() == null) {
            errors.add(new BadRequestException.FieldError("major", "is required (true for a major change, which is tested first)"));
        }
        boolean major = Boolean.TRUE.equals(command.major());
        String testPlan = major ? ChangeRules.text(command.testPlan(), "testPlan", ChangeRules.MAX_TEXT, errors)
                : ChangeRules.optional(command.testPlan(), "testPlan", ChangeRules.MAX_TEXT, errors);
        Instant start = micros(command.plannedStart());
        Instant end = micros(command.plannedEnd());
        ChangeRules.checkWindow(start, end, major, now, clock.getZone(), errors);
        String implementer = implementer(command.implementer(), errors);
        ChangeRules.throwIfAny(errors);

        ChangeRequest change = changes.saveAndFlush(new ChangeRequest(customerId, siteId, deviceIds, configItemIds, text, major, testPlan, start,
                end, implementer, actor.username(), micros(now)));
        change.processStarted(process.start(change.getId(), major, start, end));
        notices.tellSupervisors(new CaseEvent.ChangeSubmitted(change.number(), change.getTitle(),
                assets.customerName(customerId), major, actor.username()));
        return views.view(change, actor);
    }

    /** The devices the change touches: each once, known, the unit's (and the site's when one is given). */
    private List<Long> devices(List<Long> ids, Long customerId, Long siteId, List<BadRequestException.FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<Long> unique = new LinkedHashSet<>(ids);
        if (unique.contains(null)) {
            errors.add(new BadRequestException.FieldError("deviceIds", "must not contain empty entries"));
            return List.of();
        }
        if (unique.size() > ChangeRules.MAX_DEVICES) {
            errors.add(new BadRequestException.FieldError("deviceIds", "may name at most " + ChangeRules.MAX_DEVICES + " devices"));
            return List.of();
        }
        Map<Long, Device> found = assets.devicesById(unique);
        for (Long id : unique) {
            Device device = found.get(id);
            if (device == null) {
                errors.add(new BadRequestException.FieldError("deviceIds", "unknown device " + id));
            } else if (customerId != null && !device.getSite().getCustomer().getId().equals(customerId)) {
                errors.add(new BadRequestException.FieldError("deviceIds", "device " + id + " is not the customer unit's"));
            } else if (siteId != null && !device.getSite().getId().equals(siteId)) {
                errors.add(new BadRequestException.FieldError("deviceIds", "device " + id + " is not at site " + siteId));
            }
        }
        return List.copyOf(unique);
    }

    /** An enabled engineer or supervisor, who will carry the change out. */
    private String implementer(String username, List<BadRequestException.FieldError> errors) {
        if (username == null || username.isBlank()) {
            errors.add(new BadRequestException.FieldError("implementer", "is required"));
            return null;
        }
        AppUser user = accounts.find(username.strip()).filter(AppUser::isEnabled).orElse(null);
        if (user == null || user.getCustomerId() != null
                || user.getRoles().stream().noneMatch(r -> r == Role.ENGINEER || r == Role.SUPERVISOR)) {
            errors.add(new BadRequestException.FieldError("implementer", "must be an enabled engineer or supervisor"));
            return null;
        }
        return user.getUsername();
    }

    /** What the database keeps, so the answer and a later read agree (H2 rounds nanoseconds). */
    static Instant micros(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }
}
