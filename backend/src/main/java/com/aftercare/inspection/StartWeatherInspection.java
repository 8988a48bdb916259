package com.aftercare.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Site;
import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.common.ConflictException;

/**
 * PM-3: after a thunderstorm or wind warning the desk starts, in one action, a weather inspection for every site marked
 * prone to that hazard (optionally only one customer's). It is due {@value #WORKING_DAYS} working days later (Chinese
 * office week and holidays). A site that already has an open inspection for the hazard gets none; when no site is left
 * the action is refused with 409, so a second click makes nothing twice (a unique key holds two clicks at once).
 */
@Service
@Validated
public class StartWeatherInspection {

    public static final int WORKING_DAYS = 2;

    public record WeatherCommand(@NotNull Hazard hazard, Long customerId) {
    }

    private final SiteHazardRepository hazards;
    private final InspectionRepository inspections;
    private final OpenInspection open;
    private final AssetService assets;
    private final HolidayService holidays;
    private final Clock clock;

    StartWeatherInspection(SiteHazardRepository hazards, InspectionRepository inspections, OpenInspection open,
            AssetService assets, HolidayService holidays, Clock clock) {
        this.hazards = hazards;
        this.inspections = inspections;
        this.open = open;
        this.assets = assets;
        this.holidays = holidays;
        this.clock = clock;
    }

    @Transactional
    public List<Inspection> start(@Valid WeatherCommand command) {
        List<Inspection> opened = openFor(command.hazard(), command.customerId(), site -> true);
        if (opened.isEmpty()) {
            throw new ConflictException("No site marked for this weather is without an open weather inspection");
        }
        return opened;
    }

    /**
     * The same for a weather warning received from a feed (PM-3): only the marked sites the warning covers, and none
     * started is an answer, not a refusal (a second warning for the same storm finds them all open).
     */
    @Transactional
    public List<Inspection> startWhere(Hazard hazard, java.util.function.Predicate<Site> covered) {
        return openFor(hazard, null, covered);
    }

    private List<Inspection> openFor(Hazard hazard, Long onlyCustomerId, java.util.function.Predicate<Site> covered) {
        Set<Long> busy = new HashSet<>();
        inspections.findByStatusIn(List.of(InspectionStatus.AWAITING_TIME, InspectionStatus.SCHEDULED,
                InspectionStatus.AWAITING_SIGNATURE)).stream()
                .filter(i -> i.getKind() == InspectionKind.WEATHER && i.getHazard() == hazard)
                .forEach(i -> busy.add(i.getSiteId()));
        Instant due = new BusinessCalendar(WeeklySchedule.officeHours(), holidays.current(), clock.getZone())
                .addWorkingDays(clock.instant(), WORKING_DAYS);
        LocalDate today = LocalDate.now(clock);
        List<Inspection> opened = new ArrayList<>();
        for (SiteHazard mark : hazards.findAll()) {
            if (!mark.proneTo(hazard) || busy.contains(mark.getSiteId())) {
                continue;
            }
            Site site = assets.visibleSite(mark.getSiteId());
            long customerId = site.getCustomer().getId();
            if ((onlyCustomerId != null && onlyCustomerId != customerId) || !covered.test(site)) {
                continue;
            }
            opened.add(open.forWeather(customerId, site.getId(), hazard, today, due));
        }
        return opened;
    }
}
