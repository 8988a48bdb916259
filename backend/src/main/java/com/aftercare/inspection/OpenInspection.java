package com.aftercare.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;

/**
 * Opens one inspection with its checklist and starts its process (shared by the cycle timer and the weather action):
 * every item of the template on every device of its type in the plan's scope (the customer's sites, or one site).
 */
@Component
class OpenInspection {

    /** PM-3: the checklist of a weather inspection, per hazard; its words come from the labels (inspection.weather). */
    static final List<String> WEATHER_ITEMS = List.of("power", "grounding", "surge", "mounting", "cabling", "picture");

    private final InspectionRepository inspections;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final InspectionProcess process;
    private final Labels labels;
    private final Clock clock;

    OpenInspection(InspectionRepository inspections, InspectionCheckRepository checks, AssetService assets,
            InspectionProcess process, Labels labels, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.assets = assets;
        this.process = process;
        this.labels = labels;
        this.clock = clock;
    }

    @Transactional
    Inspection forPlan(InspectionPlan plan, LocalDate windowStart, Instant dueAt) {
        Inspection inspection = inspections.saveAndFlush(new Inspection(plan.getId(), plan.getCustomerId(), plan.getSiteId(),
                InspectionKind.of(plan.getCycle()), null, windowStart, dueAt, plan.getCycle().verifiesAssets(windowStart),
                CurrentUser.username(), clock.instant()));
        for (Device device : devices(plan.getCustomerId(), plan.getSiteId())) {
            for (PlanItem item : plan.getItems()) {
                if (item.getDeviceType() == device.getType()) {
                    checks.save(new InspectionCheck(inspection.getId(), plan.getCustomerId(), device.getId(), item.getItem(),
                            item.getMethod(), item.isAutomated()));
                }
            }
        }
        inspection.started(process.start(inspection.getId(), dueAt));
        return inspection;
    }

    @Transactional
    Inspection forWeather(long customerId, long siteId, Hazard hazard, LocalDate day, Instant dueAt) {
        Inspection inspection = inspections.saveAndFlush(new Inspection(null, customerId, siteId, InspectionKind.WEATHER, hazard,
                day, dueAt, false, CurrentUser.username(), clock.instant()));
        Locale lang = Labels.ZH;
        for (Device device : devices(customerId, siteId)) {
            for (String key : WEATHER_ITEMS) {
                String prefix = "inspection.weather." + hazard.name() + "." + key;
                if (labels.find(lang, "inspection.weather." + hazard.name(), key).isPresent()) {
                    checks.save(new InspectionCheck(inspection.getId(), customerId, device.getId(),
                            labels.text(lang, prefix, java.util.Map.of()), null, "picture".equals(key)));
                }
            }
        }
        inspection.started(process.start(inspection.getId(), dueAt));
        return inspection;
    }

    private List<Device> devices(long customerId, Long siteId) {
        return assets.devices(siteId, null).stream().filter(d -> !d.isRetired())
                .filter(d -> d.getSite().getCustomer().getId() == customerId).toList();
    }
}
