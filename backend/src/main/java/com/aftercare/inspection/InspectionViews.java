package com.aftercare.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.aftercare.asset.DeviceType;

/** What the API shows of plans and inspections: codes for the UI to label, names resolved, no entity leaks. */
public final class InspectionViews {

    private InspectionViews() {
    }

    public record ItemView(DeviceType deviceType, String item, String method, boolean automated) {
    }

    public record PlanView(long id, long customerId, String customerName, Long siteId, String siteName, String name,
            InspectionCycle cycle, boolean active, List<ItemView> items, long version) {
    }

    /** One line of the inspection list; lastDay is the last day of the window, overdue: past it and not done. */
    public record InspectionSummary(long id, InspectionKind kind, Hazard hazard, InspectionStatus status, long customerId,
            String customerName, Long siteId, String siteName, Long planId, String planName, LocalDate windowStart,
            LocalDate lastDay, Instant dueAt, boolean overdue, Instant agreedAt, int timesMoved, int items, int checked,
            int failed, long version) {
    }

    /** photoUrl: where the line's photo is read (GET, same access as the inspection); null without a photo. */
    public record CheckView(long id, long deviceId, String deviceName, DeviceType deviceType, String item, String method,
            boolean automated, CheckResult result, String note, String photoUrl, String checkedBy, Instant checkedAt,
            Long faultTicketId, String faultNumber, Instant probeQueuedAt) {
    }

    /** A failed line of the plan's previous inspection: what to look at again (PM-4). */
    public record PreviousFault(String deviceName, String item, String note, String faultNumber) {
    }

    /**
     * PM-5: a device whose record is verified in this inspection, with the record as it stands (location: where on
     * the site it is installed), what was found (found*: null where it matched), and the asset keeper's decision on a
     * correction (PROPOSED until approved, which applied it to the record, or rejected with a note).
     */
    public record AssetView(long deviceId, String deviceName, DeviceType deviceType, String siteName, String model,
            String serialNumber, String location, String ipAddress, boolean outOfService, Boolean confirmed,
            String foundModel, String foundSerialNumber, String foundLocation, String foundIpAddress,
            Boolean foundOutOfService, String checkedBy, Instant checkedAt, AssetDecision decision, String decidedBy,
            Instant decidedAt, String decisionNote) {
    }

    /** PM-5: a correction found on site awaiting the asset keeper, for their list. */
    public record AssetCorrectionView(long inspectionId, long deviceId, String deviceName, String customerName,
            String siteName, String model, String serialNumber, String location, String ipAddress, String foundModel,
            String foundSerialNumber, String foundLocation, String foundIpAddress, Boolean foundOutOfService,
            String checkedBy, Instant checkedAt) {
    }

    public record InspectionDetail(InspectionSummary summary, boolean verifyAssets, AgreedVia agreedVia, String agreedBy,
            String checklistDoneBy, Instant checklistDoneAt, String signerName, String opinion, String signature,
            Instant signedAt, Instant completedAt, List<CheckView> checks, List<PreviousFault> previousFaults,
            List<AssetView> assets) {
    }

    public record SiteHazardView(long siteId, String siteName, long customerId, String customerName, boolean lightning,
            boolean wind) {
    }
}
