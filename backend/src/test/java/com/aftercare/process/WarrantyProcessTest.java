package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.aftercare.api.Uploads;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.warranty.CaseCost;
import com.aftercare.warranty.CaseCosts;
import com.aftercare.warranty.ReadScrapCertificate;
import com.aftercare.warranty.ReadWarranty;
import com.aftercare.warranty.RecordCostLine;
import com.aftercare.warranty.RecordPartHandover;
import com.aftercare.warranty.SetWarrantyTerms;

/**
 * Every path of the warranty steps in dispatch.bpmn and fault-intake.bpmn (issue 13; WA-1, RR-5, RR-6, FW-5): free in
 * warranty, charged after it with the customer's approval (approved: the work goes on; refused: back to the desk),
 * parts approved and handed back, a repeat repair within 3 months flagged free (3 months and a day: not), a device
 * that failed twice within a month or that the vendor cannot repair proposed for replacement, approved (installed,
 * the old one out of the asset list, scrapped with a certificate) or refused.
 */
class WarrantyProcessTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseCosts caseCosts;
    @Autowired ReadWarranty readWarranty;
    @Autowired RecordCostLine recordCostLine;
    @Autowired RecordPartHandover recordPartHandover;
    @Autowired ReadScrapCertificate readScrapCertificate;
    @Autowired TestRestTemplate rest;
    @Autowired SaveContract saveContract;
    @Autowired SetWarrantyTerms setWarrantyTerms;

    private void signedIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                java.util.List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private Device deviceWithWarrantyEnd(LocalDate end) {
        String unique = "W-" + System.nanoTime();
        return assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", end, String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private Ticket reportedAndDiagnosed(Map<String, Object> report) {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        complete(ticket, "checkIn", "t-eng", Map.of("emergency", false));
        Map<String, Object> values = new HashMap<>(Map.of("symptom", "Black picture", "diagnosis", "Power board burnt"));
        values.putAll(report);
        complete(ticket, "diagnosisReport", "t-eng", values);
        return ticket;
    }

    private ReadWarranty.WarrantyView warranty(Ticket ticket) {
        signedIn("t-desk", "SERVICE_DESK");
        try {
            return readWarranty.of(ticket.getId());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void costLine(Ticket ticket, String kind, String description, String amount) {
        signedIn("t-eng", "ENGINEER");
        try {
            recordCostLine.record(ticket.getId(), new RecordCostLine.NewCostLine(kind, description, new BigDecimal(amount)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An earlier case on the current device, reported and closed at these times (as stored by a finished case). */
    private Ticket earlierCase(Instant receivedAt, Instant closedAt) {
        Ticket earlier = report(Category.DEFECT);
        jdbc.update("update ticket set received_at = ?, closed_at = ? where id = ?", Timestamp.from(receivedAt),
                closedAt == null ? null : Timestamp.from(closedAt), earlier.getId());
        return earlier;
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(clock.getZone());
    }

    @Test
    void insideWarrantyTheCaseIsFreeAndTheWorkStartsAtOnce() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock));
        Ticket ticket = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(passedActivities(ticket)).contains("assessWarrantyAtIntake", "assessWarranty", "quoteGateway")
                .doesNotContain("quoteWork");
        CaseCost cost = caseCosts.costOf(ticket.getId());
        assertThat(cost.freeOfCharge()).isTrue();
        assertThat(cost.freeReason()).isEqualTo("WARRANTY");
        assertThat(cost.total()).isEqualByComparingTo("0.00");
        assertThat(warranty(ticket).inWarranty()).isTrue();
    }

    @Test
    void afterWarrantyTheCostIsApprovedAndTheWorkGoesOn() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock).minusDays(1));
        Ticket ticket = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(ticket)).containsExactly("quoteWork");
        assertThat(task(ticket, "quoteWork").candidateGroups()).containsExactlyInAnyOrder("ENGINEER", "SERVICE_DESK");
        costLine(ticket, "PART", "Power board", "320.50");
        costLine(ticket, "LABOUR", "2 hours on site", "200");
        complete(ticket, "quoteWork", "t-eng", Map.of());
        assertThat(openTaskKeys(ticket)).containsExactly("approveQuote");
        assertThat(task(ticket, "approveQuote").candidateGroups()).containsExactlyInAnyOrder("CUSTOMER", "SERVICE_DESK");
        assertThat(warranty(ticket).waitingFor()).isEqualTo("QUOTE");

        complete(ticket, "approveQuote", "t-desk", Map.of("quoteApproved", true));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        CaseCost cost = caseCosts.costOf(ticket.getId());
        assertThat(cost.freeOfCharge()).isFalse();
        assertThat(cost.freeReason()).isNull();
        assertThat(cost.parts()).isEqualByComparingTo("320.50");
        assertThat(cost.labour()).isEqualByComparingTo("200.00");
        assertThat(cost.total()).isEqualByComparingTo("520.50");
        assertThat(cost.total().scale()).isEqualTo(2);
        ReadWarranty.WarrantyView view = warranty(ticket);
        assertThat(view.inWarranty()).isFalse();
        assertThat(view.quote().answer()).isEqualTo("APPROVED");
        assertThat(view.quote().by()).isEqualTo("t-desk");
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "QUOTE".equals(e.getType()));
    }

    @Test
    void afterWarrantyARefusedCostGoesBackToTheDesk() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock).minusYears(1));
        Ticket ticket = reportedAndDiagnosed(Map.of());
        costLine(ticket, "LABOUR", "Site visit", "150.00");
        complete(ticket, "quoteWork", "t-desk", Map.of("quoteNote", "Labour only"));
        complete(ticket, "approveQuote", "t-desk", Map.of("quoteApproved", false, "quoteReason", "Too expensive"));

        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        assertThat(passedActivities(ticket)).contains("quoteApprovedGateway").doesNotContain("diagnoseAndFix");
        ReadWarranty.WarrantyView view = warranty(ticket);
        assertThat(view.quote().answer()).isEqualTo("REFUSED");
        assertThat(view.quote().reason()).isEqualTo("Too expensive");
    }

    @Test
    void partsInsideWarrantyNeedTheOwnersApprovalAndGoBackToThem() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock).plusYears(1));
        Ticket ticket = reportedAndDiagnosed(Map.of("partsNeeded", true));
        assertThat(openTaskKeys(ticket)).as("free, but a part is used: the owner approves it").containsExactly("quoteWork");
        costLine(ticket, "PART", "Power board", "320.00");
        complete(ticket, "quoteWork", "t-eng", Map.of());
        complete(ticket, "approveQuote", "t-desk", Map.of("quoteApproved", true));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(caseCosts.costOf(ticket.getId()).total()).as("free in warranty").isEqualByComparingTo("0.00");

        // the owner's representative signs on the engineer's phone (ADR 0028)
        long signature = new Uploads(rest).upload("t-eng", ticket.getId(), "signature.png", "image/png",
                Uploads.image("png", 300, 100), Map.of("kind", "SIGNATURE", "visibility", "PUBLIC"), null).body().path("id").asLong();
        signedIn("t-eng", "ENGINEER");
        try {
            recordPartHandover.record(ticket.getId(), new RecordPartHandover.Handover("Old power board", "王工（业主）", null,
                    signature));
        } finally {
            SecurityContextHolder.clearContext();
        }
        ReadWarranty.WarrantyView view = warranty(ticket);
        assertThat(view.handovers()).singleElement().satisfies(h -> {
            assertThat(h.part()).isEqualTo("Old power board");
            assertThat(h.handedTo()).isEqualTo("王工（业主）");
            assertThat(h.handedAt()).isEqualTo(clock.instant());
            assertThat(h.recordedBy()).isEqualTo("t-eng");
            assertThat(h.signatureAttachmentId()).isEqualTo(signature);
        });
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "PART_HANDOVER".equals(e.getType()));
    }

    @Test
    void sameFaultWithinThreeMonthsOfAClosedRepairIsFlaggedAndFreeEvenAfterWarranty() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock).minusYears(1));
        Instant closed = now().minusMonths(3).toInstant();
        Ticket earlier = earlierCase(closed.minusSeconds(86_400), closed);
        Ticket ticket = report(Category.DEFECT);

        assertThat(readTimeline.of(ticket.getId())).as("flagged at intake")
                .anyMatch(e -> "REPEAT_REPAIR".equals(e.getType()));
        ReadWarranty.WarrantyView view = warranty(ticket);
        assertThat(view.repeatOfNumber()).isEqualTo(earlier.getNumber());
        assertThat(view.freeReason()).isEqualTo("REPEAT_REPAIR");
        assertThat(view.inWarranty()).isFalse();

        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        assertThat(openTaskKeys(ticket)).as("free: no quote").containsExactly("diagnoseAndFix");
        CaseCost cost = caseCosts.costOf(ticket.getId());
        assertThat(cost.freeReason()).isEqualTo("REPEAT_REPAIR");
        assertThat(cost.total()).isEqualByComparingTo("0.00");
        assertThat(readTimeline.of(ticket.getId()).stream().filter(e -> "REPEAT_REPAIR".equals(e.getType())))
                .as("flagged once").hasSize(1);
    }

    @Test
    void sameFaultThreeMonthsAndADayAfterTheRepairIsNotARepeat() {
        device = deviceWithWarrantyEnd(LocalDate.now(clock).minusYears(1));
        Instant closed = now().minusMonths(3).minusDays(1).toInstant();
        earlierCase(closed.minusSeconds(86_400), closed);
        Ticket ticket = reportedAndDiagnosed(Map.of());

        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> "REPEAT_REPAIR".equals(e.getType()));
        assertThat(warranty(ticket).repeatOfNumber()).isNull();
        assertThat(openTaskKeys(ticket)).as("charged: the quote").containsExactly("quoteWork");
    }

    @Test
    void aRepeatNamesTheCaseClosedLastAmongSeveral() {
        // the device's history is asked for its case closed last (ADR 0057), not read whole: the latest closure wins
        // whatever order the cases were reported in
        device = deviceWithWarrantyEnd(LocalDate.now(clock).minusYears(1));
        Ticket closedLast = earlierCase(now().minusMonths(2).toInstant(), now().minusDays(20).toInstant());
        earlierCase(now().minusMonths(2).plusDays(5).toInstant(), now().minusMonths(2).plusDays(6).toInstant());
        Ticket ticket = report(Category.DEFECT);

        assertThat(warranty(ticket).repeatOfNumber()).isEqualTo(closedLast.getNumber());
        assertThat(warranty(ticket).freeReason()).isEqualTo("REPEAT_REPAIR");
    }

    @Test
    void deviceThatFailedTwiceWithinAMonthIsProposedForReplacementAndRepairedWhenRefused() {
        Instant first = now().minusMonths(1).toInstant();
        earlierCase(first, null);
        Ticket ticket = reportedAndDiagnosed(Map.of());

        assertThat(openTaskKeys(ticket)).containsExactly("proposeReplacement");
        complete(ticket, "proposeReplacement", "t-desk", Map.of("replacementModel", "X2 Pro"));
        assertThat(openTaskKeys(ticket)).containsExactly("approveReplacement");
        ReadWarranty.WarrantyView view = warranty(ticket);
        assertThat(view.waitingFor()).isEqualTo("REPLACEMENT");
        assertThat(view.replacement().cause()).isEqualTo("REPEATED_FAILURE");
        assertThat(view.replacement().model()).isEqualTo("X2 Pro");

        complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", false, "replacementReason", "Repair it"));
        assertThat(openTaskKeys(ticket)).as("in warranty (none recorded): repaired free").containsExactly("diagnoseAndFix");
        assertThat(passedActivities(ticket)).contains("replacementApprovedGateway", "quoteGateway");
        assertThat(warranty(ticket).replacement().answer().answer()).isEqualTo("REFUSED");
    }

    @Test
    void aFailureMoreThanAMonthEarlierDoesNotCount() {
        earlierCase(now().minusMonths(1).minusDays(1).toInstant(), null);
        Ticket ticket = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
    }

    private Ticket atVendorUnrepairable() {
        Ticket ticket = reportedAndDiagnosed(Map.of());
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Sensor failure", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "Hikvision", "repairSlipNumber", "RS-9"));
        complete(ticket, "receiveFromVendor", "t-desk",
                Map.of("vendorReport", "Sensor cannot be repaired", "vendorOutcome", "UNREPAIRABLE"));
        return ticket;
    }

    @Test
    void unrepairableDeviceIsReplacedWithTheCustomersApprovalAndScrappedWithACertificate() {
        Device old = device;
        Ticket ticket = atVendorUnrepairable();
        assertThat(openTaskKeys(ticket)).containsExactly("proposeReplacement");
        assertThat(passedActivities(ticket)).contains("vendorOutcomeGateway", "markUnrepairable");
        complete(ticket, "proposeReplacement", "t-eng", Map.of("replacementModel", "X1", "replacementNote", "Same model"));
        complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", true));
        assertThat(openTaskKeys(ticket)).containsExactly("installReplacement");
        assertThat(task(ticket, "installReplacement").assignee()).isEqualTo("t-eng");

        String serial = "SN-NEW-" + System.nanoTime();
        complete(ticket, "installReplacement", "t-eng", Map.of("newSerialNumber", serial, "newDeviceName", "Gate camera (new)"));
        assertThat(assets.device(old.getId()).isRetired()).as("the old device left the asset list").isTrue();
        ReadWarranty.WarrantyView view = warranty(ticket);
        Device created = assets.device(view.replacement().newDeviceId());
        assertThat(created.getSerialNumber()).isEqualTo(serial);
        assertThat(created.getModel()).isEqualTo("X1");
        assertThat(created.getSite().getId()).isEqualTo(site.getId());
        assertThat(created.isRetired()).isFalse();
        // WA-1: no contract terms, so the replacement is in warranty for 12 months from the day it was installed
        assertThat(created.getWarrantyEnd()).isEqualTo(LocalDate.now(clock).plusMonths(12));
        assertThat(view.replacement().scrapped()).isTrue();
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "REPLACEMENT".equals(e.getType()));

        signedIn("t-desk", "SERVICE_DESK");
        try {
            ReadScrapCertificate.ScrapCertificate certificate = readScrapCertificate.of(ticket.getId());
            assertThat(certificate.scrapped().serialNumber()).isEqualTo(old.getSerialNumber());
            assertThat(certificate.replacement().serialNumber()).isEqualTo(serial);
            assertThat(certificate.cause()).isEqualTo("UNREPAIRABLE");
            assertThat(certificate.certificateNo()).isEqualTo("BF-" + tickets.get(ticket.getId()).getNumber());
        } finally {
            SecurityContextHolder.clearContext();
        }

        // the new device sits where the old one was: the verification follows
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    /** A contract for this test's unit (each test has its own), with warranty terms. */
    private long contractWithWarranty(String acceptedOn, Integer deviceMonths, Integer replacementMonths) {
        long contractId = saveContract.save(site.getCustomer().getId(), new ContractSettings("Warranty contract",
                "THREE_LEVEL", CalendarKind.SEVEN_BY_24, "Asia/Shanghai", null, null, null, null, false, null, null, null)).getId();
        setWarrantyTerms.set(contractId, new SetWarrantyTerms.Command(acceptedOn, deviceMonths, replacementMonths));
        return contractId;
    }

    @Test
    void aDeviceWithoutItsOwnWarrantyEndIsCoveredForTheContractsMonthsFromAcceptance() {
        LocalDate today = LocalDate.now(clock);
        // accepted 36 months ago today: the anniversary is the last day covered
        long contractId = contractWithWarranty(today.minusMonths(36).toString(), 36, null);
        device = deviceWithWarrantyEnd(null);
        Ticket covered = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(covered)).containsExactly("diagnoseAndFix");
        assertThat(warranty(covered).warrantyEnd()).isEqualTo(today);
        assertThat(warranty(covered).inWarranty()).isTrue();
        assertThat(caseCosts.costOf(covered.getId()).freeReason()).isEqualTo("WARRANTY");

        // accepted a day earlier: the warranty ended yesterday, the work is costed and approved first
        setWarrantyTerms.set(contractId, new SetWarrantyTerms.Command(today.minusMonths(36).minusDays(1).toString(), 36, null));
        device = deviceWithWarrantyEnd(null);
        Ticket expired = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(expired)).containsExactly("quoteWork");
        assertThat(warranty(expired).warrantyEnd()).isEqualTo(today.minusDays(1));
        assertThat(warranty(expired).inWarranty()).isFalse();

        // the device's own warranty end wins over the contract's
        device = deviceWithWarrantyEnd(today.plusDays(1));
        Ticket own = reportedAndDiagnosed(Map.of());
        assertThat(openTaskKeys(own)).containsExactly("diagnoseAndFix");
        assertThat(warranty(own).warrantyEnd()).isEqualTo(today.plusDays(1));
    }

    @Test
    void aReplacementIsInWarrantyForTheContractsReplacementMonths() {
        contractWithWarranty(null, null, 24);
        Ticket ticket = atVendorUnrepairable();
        complete(ticket, "proposeReplacement", "t-eng", Map.of("replacementModel", "X2"));
        complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", true));
        complete(ticket, "installReplacement", "t-eng", Map.of("newSerialNumber", "SN-24-" + System.nanoTime()));
        Device created = assets.device(warranty(ticket).replacement().newDeviceId());
        assertThat(created.getWarrantyEnd()).isEqualTo(LocalDate.now(clock).plusMonths(24));
    }

    @Test
    void unrepairableReplacementRefusedGoesBackToTheDesk() {
        Ticket ticket = atVendorUnrepairable();
        complete(ticket, "proposeReplacement", "t-desk", Map.of("replacementModel", "X1"));
        complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", false, "replacementReason", "No budget"));
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        assertThat(assets.device(device.getId()).isRetired()).isFalse();
    }

    @Test
    void deviceRepairedByTheVendorComesBackToTheEngineer() {
        Ticket ticket = reportedAndDiagnosed(Map.of());
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Sensor failure", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "Hikvision", "repairSlipNumber", "RS-10"));
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorReport", "Repaired", "vendorOutcome", "REPAIRED"));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(passedActivities(ticket)).contains("vendorOutcomeGateway").doesNotContain("markUnrepairable");
    }
}
