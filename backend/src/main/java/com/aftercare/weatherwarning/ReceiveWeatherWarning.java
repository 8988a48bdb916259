package com.aftercare.weatherwarning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.Role;
import com.aftercare.inspection.Hazard;
import com.aftercare.inspection.StartWeatherInspection;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A meteorological feed reports a severe-weather warning (PM-3; seed 000: 遇雷雨、大风等恶劣天气后进行巡检). At or above
 * {@code aftercare.weather.min-level} (黄色 by default) every site marked prone to the hazard in the areas it names
 * gets a weather inspection, as the desk's one action would start it, and the desk and the supervisors are told how
 * many. The feed's id makes a resent warning the same warning (200, nothing started again); the same id with another
 * hazard, level or time is a 409. All in one transaction: a warning is recorded with its inspections or not at all.
 */
@Service
public class ReceiveWeatherWarning {

    /** Areas as the feed names them (a district, a county); a site is covered when its address or name contains one. */
    @Schema(name = "WeatherWarningReport")
    public record Report(String sourceId, Hazard hazard, WarningLevel level, List<String> areas, String title,
            String description, Instant issuedAt) {
    }

    public record Received(ReadWeatherWarnings.WarningView warning, boolean created) {
    }

    static final int MAX_SOURCE_ID = 100;
    static final int MAX_AREAS = 20;
    static final int MAX_AREA = 50;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    /** A feed's clock may run a little ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final WeatherWarningRepository warnings;
    private final StartWeatherInspection inspections;
    private final ReadWeatherWarnings views;
    private final NotificationService notifications;
    private final WarningLevel minLevel;
    private final Clock clock;

    ReceiveWeatherWarning(WeatherWarningRepository warnings, StartWeatherInspection inspections, ReadWeatherWarnings views,
            NotificationService notifications, @Value("${aftercare.weather.min-level:YELLOW}") WarningLevel minLevel,
            Clock clock) {
        this.warnings = warnings;
        this.inspections = inspections;
        this.views = views;
        this.notifications = notifications;
        this.minLevel = minLevel;
        this.clock = clock;
    }

    @Transactional
    public Received receive(Report report) {
        WeatherFeed.require("report weather warnings");
        if (report == null) {
            throw new BadRequestException("body", "is required");
        }
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        String sourceId = text(report.sourceId(), "sourceId", MAX_SOURCE_ID, true, errors);
        if (report.hazard() == null) {
            errors.add(new FieldError("hazard", "is required (LIGHTNING or WIND)"));
        }
        if (report.level() == null) {
            errors.add(new FieldError("level", "is required (BLUE, YELLOW, ORANGE or RED)"));
        }
        List<String> areas = areas(report.areas(), errors);
        String title = text(report.title(), "title", MAX_TITLE, true, errors);
        String description = text(report.description(), "description", MAX_DESCRIPTION, false, errors);
        Instant issuedAt = report.issuedAt() == null ? null : report.issuedAt().truncatedTo(ChronoUnit.MICROS);
        if (issuedAt == null) {
            errors.add(new FieldError("issuedAt", "is required"));
        } else if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("issuedAt", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        WeatherWarning known = warnings.findBySourceId(sourceId).orElse(null);
        if (known != null) {
            if (known.getHazard() != report.hazard() || known.getLevel() != report.level()
                    || !known.getIssuedAt().equals(issuedAt)) {
                throw ConflictException.of("weatherWarningContradicts", Map.of("sourceId", sourceId));
            }
            return new Received(views.view(known), false);
        }
        int started = report.level().atLeast(minLevel)
                ? inspections.startWhere(report.hazard(), covers(areas)).size()
                : 0;
        WeatherWarning warning = warnings.saveAndFlush(new WeatherWarning(sourceId, report.hazard(), report.level(),
                areas.isEmpty() ? null : String.join("、", areas), title, description, issuedAt,
                now.truncatedTo(ChronoUnit.MICROS), com.aftercare.identity.CurrentUser.username(), started));
        if (report.level().atLeast(minLevel)) {
            CaseEvent event = new CaseEvent.WeatherWarningReceived(title, report.hazard().name(), report.level().name(), started);
            for (Role role : new Role[] {Role.SERVICE_DESK, Role.SUPERVISOR}) {
                notifications.notifyRole(role, null, event, Labels.ZH, clock.getZone());
            }
        }
        return new Received(views.view(warning), true);
    }

    /** Every marked site when the warning names no area; else those whose address or name mentions one. */
    static Predicate<Site> covers(List<String> areas) {
        if (areas.isEmpty()) {
            return site -> true;
        }
        return site -> areas.stream().anyMatch(a -> contains(site.getAddress(), a) || contains(site.getName(), a));
    }

    private static boolean contains(String text, String area) {
        return text != null && text.contains(area);
    }

    private static List<String> areas(List<String> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > MAX_AREAS) {
            errors.add(new FieldError("areas", "at most " + MAX_AREAS + " areas"));
            return List.of();
        }
        LinkedHashSet<String> areas = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String area = text(given.get(i), "areas[" + i + "]", MAX_AREA, true, errors);
            if (area != null) {
                areas.add(area);
            }
        }
        return List.copyOf(areas);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
            return null;
        }
        return v;
    }
}
