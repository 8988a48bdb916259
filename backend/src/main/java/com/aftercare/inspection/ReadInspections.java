package com.aftercare.inspection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.inspection.InspectionViews.AssetCorrectionView;
import com.aftercare.inspection.InspectionViews.AssetView;
import com.aftercare.inspection.InspectionViews.CheckView;
import com.aftercare.inspection.InspectionViews.InspectionDetail;
import com.aftercare.inspection.InspectionViews.InspectionSummary;
import com.aftercare.inspection.InspectionViews.ItemView;
import com.aftercare.inspection.InspectionViews.PlanView;
import com.aftercare.inspection.InspectionViews.PreviousFault;
import com.aftercare.inspection.InspectionViews.SiteHazardView;
import com.aftercare.ticket.FindTicket;

/**
 * Reads plans, inspections and site marks for the pages. A customer's user reads only their own unit's inspections
 * (another unit's is "not found") and no plans or marks; staff read all. Overdue: past the window's end and not done.
 */
@Service
public class ReadInspections {

    private final InspectionPlanRepository plans;
    private final InspectionRepository inspections;
    private final InspectionCheckRepository checks;
    private final AssetCheckRepository assetChecks;
    private final SiteHazardRepository hazards;
    private final Inspections visible;
    private final AssetService assets;
    private final FindTicket tickets;
    private final Clock clock;

    ReadInspections(InspectionPlanRepository plans, InspectionRepository inspections, InspectionCheckRepository checks,
            AssetCheckRepository assetChecks, SiteHazardRepository hazards, Inspections visible, AssetService assets,
            FindTicket tickets, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.checks = checks;
        this.assetChecks = assetChecks;
        this.hazards = hazards;
        this.visible = visible;
        this.assets = assets;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PlanView> plans() {
        Names names = names();
        return plans.findAllByOrderById().stream().map(p -> plan(p, names)).toList();
    }

    @Transactional(readOnly = true)
    public PlanView plan(long id) {
        return plan(plans.findById(id).orElseThrow(() -> new NotFoundException("No inspection plan " + id)), names());
    }

    private static PlanView plan(InspectionPlan p, Names names) {
        return new PlanView(p.getId(), p.getCustomerId(), names.customer(p.getCustomerId()), p.getSiteId(),
                names.site(p.getSiteId()), p.getName(), p.getCycle(), p.isActive(),
                p.getItems().stream().map(i -> new ItemView(i.getDeviceType(), i.getItem(), i.getMethod(), i.isAutomated())).toList(),
                p.getVersion());
    }

    /** The newest 200 inspections the user may see; overdueOnly: only those past their window. */
    @Transactional(readOnly = true)
    public List<InspectionSummary> list(boolean overdueOnly) {
        Long scope = CurrentUser.scopeCustomerId();
        List<Inspection> found = scope == null ? inspections.findTop200ByOrderByIdDesc()
                : inspections.findTop200ByCustomerIdOrderByIdDesc(scope);
        Names names = names();
        // the lines' counts of all the inspections in one grouped query, not every line of each loaded
        Map<Long, Counts> counts = new HashMap<>();
        if (!found.isEmpty()) {
            checks.countByInspection(found.stream().map(Inspection::getId).toList())
                    .forEach(r -> counts.put(r.getInspectionId(), new Counts((int) r.getTotal(), (int) r.getChecked(), (int) r.getFailed())));
        }
        return found.stream().map(i -> summary(i, names, counts.getOrDefault(i.getId(), Counts.NONE)))
                .filter(s -> !overdueOnly || s.overdue()).toList();
    }

    /** How many inspections are overdue (the supervisor board's count). */
    @Transactional(readOnly = true)
    public long overdueCount() {
        return inspections.countByStatusNotAndDueAtBefore(InspectionStatus.DONE, clock.instant());
    }

    @Transactional(readOnly = true)
    public InspectionDetail read(long id) {
        Inspection i = visible.visible(id);
        Names names = names();
        List<InspectionCheck> checkLines = checks.findByInspectionIdOrderById(id);
        // every line's device in one query; a device met only later (the previous inspection's faults) is read alone
        Map<Long, Device> devices = new HashMap<>(assets.devicesById(checkLines.stream().map(InspectionCheck::getDeviceId)
                .collect(java.util.stream.Collectors.toSet())));
        List<CheckView> lines = checkLines.stream().map(c -> {
            Device d = devices.computeIfAbsent(c.getDeviceId(), assets::device);
            return new CheckView(c.getId(), d.getId(), d.getName(), d.getType(), c.getItem(), c.getMethod(), c.isAutomated(),
                    c.getResult(), c.getNote(), photoUrl(id, c.getPhotoId()), c.getCheckedBy(), c.getCheckedAt(), c.getFaultTicketId(),
                    c.getFaultTicketId() == null ? null : tickets.get(c.getFaultTicketId()).getNumber(), c.getProbeQueuedAt());
        }).toList();
        List<PreviousFault> previous = new ArrayList<>();
        if (i.getPlanId() != null) {
            inspections.findFirstByPlanIdAndIdLessThanOrderByIdDesc(i.getPlanId(), i.getId()).ifPresent(last ->
                    checks.findByInspectionIdOrderById(last.getId()).stream().filter(c -> c.getResult() == CheckResult.FAIL)
                            .forEach(c -> previous.add(new PreviousFault(devices.computeIfAbsent(c.getDeviceId(), assets::device).getName(),
                                    c.getItem(), c.getNote(), c.getFaultTicketId() == null ? null
                                            : tickets.get(c.getFaultTicketId()).getNumber()))));
        }
        List<AssetView> assetViews = new ArrayList<>();
        if (i.isVerifyAssets()) {
            Map<Long, AssetCheck> done = new HashMap<>();
            assetChecks.findByInspectionIdOrderById(id).forEach(a -> done.put(a.getDeviceId(), a));
            lines.stream().map(CheckView::deviceId).distinct().forEach(deviceId -> {
                Device d = devices.get(deviceId);
                AssetCheck a = done.get(deviceId);
                assetViews.add(new AssetView(d.getId(), d.getName(), d.getType(), d.getSite().getName(), d.getModel(),
                        d.getSerialNumber(), d.getLocation(), d.getIpAddress(), d.isRetired(),
                        a == null ? null : a.isConfirmed(), a == null ? null : a.getModel(),
                        a == null ? null : a.getSerialNumber(), a == null ? null : a.getLocation(),
                        a == null ? null : a.getIpAddress(), a == null ? null : a.getOutOfService(),
                        a == null ? null : a.getCheckedBy(), a == null ? null : a.getCheckedAt(),
                        a == null ? null : a.getDecision(), a == null ? null : a.getDecidedBy(),
                        a == null ? null : a.getDecidedAt(), a == null ? null : a.getDecisionNote()));
            });
        }
        return new InspectionDetail(summary(i, names, Counts.of(checkLines)), i.isVerifyAssets(), i.getAgreedVia(), i.getAgreedBy(),
                i.getChecklistDoneBy(), i.getChecklistDoneAt(), i.getSignerName(), i.getOpinion(), i.getSignature(),
                i.getSignedAt(), i.getCompletedAt(), lines, previous, assetViews);
    }

    /** The photo's own URL (ADR 0082): the JSON never carries its bytes. */
    static String photoUrl(long inspectionId, Long photoId) {
        return photoId == null ? null : "/api/inspections/" + inspectionId + "/photos/" + photoId;
    }

    /** PM-5: the corrections found on site that wait for the asset keeper, oldest first (staff only). */
    @Transactional(readOnly = true)
    public List<AssetCorrectionView> pendingCorrections() {
        Names names = names();
        return assetChecks.findTop200ByDecisionOrderById(AssetDecision.PROPOSED).stream().map(a -> {
            Device d = assets.device(a.getDeviceId());
            return new AssetCorrectionView(a.getInspectionId(), d.getId(), d.getName(), names.customer(d.getSite().getCustomer().getId()),
                    d.getSite().getName(), d.getModel(), d.getSerialNumber(), d.getLocation(), d.getIpAddress(), a.getModel(),
                    a.getSerialNumber(), a.getLocation(), a.getIpAddress(), a.getOutOfService(), a.getCheckedBy(), a.getCheckedAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<SiteHazardView> hazards() {
        Map<Long, SiteHazard> marks = new HashMap<>();
        hazards.findAll().forEach(h -> marks.put(h.getSiteId(), h));
        return assets.sites().stream().map(s -> {
            SiteHazard h = marks.get(s.getId());
            return new SiteHazardView(s.getId(), s.getName(), s.getCustomer().getId(), s.getCustomer().getName(),
                    h != null && h.isLightning(), h != null && h.isWind());
        }).toList();
    }

    /** A checklist's size, lines with a result and failed lines. */
    private record Counts(int total, int checked, int failed) {
        static final Counts NONE = new Counts(0, 0, 0);

        static Counts of(List<InspectionCheck> lines) {
            return new Counts(lines.size(), (int) lines.stream().filter(c -> c.getResult() != null).count(),
                    (int) lines.stream().filter(c -> c.getResult() == CheckResult.FAIL).count());
        }
    }

    private InspectionSummary summary(Inspection i, Names names, Counts counts) {
        boolean overdue = i.getStatus() != InspectionStatus.DONE && !clock.instant().isBefore(i.getDueAt());
        String planName = i.getPlanId() == null ? null : names.plan(i.getPlanId());
        return new InspectionSummary(i.getId(), i.getKind(), i.getHazard(), i.getStatus(), i.getCustomerId(),
                names.customer(i.getCustomerId()), i.getSiteId(), names.site(i.getSiteId()), i.getPlanId(), planName,
                i.getWindowStart(), lastDay(i.getDueAt(), clock.getZone()), i.getDueAt(), overdue,
                i.getAgreedAt(), i.getTimesMoved(), counts.total(), counts.checked(), counts.failed(), i.getVersion());
    }

    private Names names() {
        Map<Long, String> customers = new HashMap<>();
        assets.customers().forEach(c -> customers.put(c.getId(), c.getName()));
        Map<Long, String> sites = new HashMap<>();
        assets.sites().forEach(s -> sites.put(s.getId(), s.getName()));
        return new Names(customers, sites, plans);
    }

    private record Names(Map<Long, String> customers, Map<Long, String> sites, InspectionPlanRepository plans) {
        String customer(Long id) {
            return customers.getOrDefault(id, "");
        }

        String site(Long id) {
            return id == null ? null : sites.get(id);
        }

        String plan(Long id) {
            return plans.findById(id).map(InspectionPlan::getName).orElse(null);
        }
    }

    /** The last day on which the inspection is still in time: the day of the instant just before it is due. */
    static java.time.LocalDate lastDay(java.time.Instant dueAt, java.time.ZoneId zone) {
        return dueAt.minusNanos(1).atZone(zone).toLocalDate();
    }
}
