package com.aftercare.repair;

import java.time.Instant;
import java.util.List;

/**
 * A case's repairs at the vendor, newest last, for the repair panel and the printable slip. {@code overdue}: the
 * device is away past the vendor's deadline (or came back after it).
 */
public record RepairView(long ticketId, String ticketNumber, String customerName, String siteName, String siteAddress,
        List<Slip> slips) {

    public record Slip(long id, Long deviceId, String deviceName, String deviceModel, String deviceSerial, String fault,
            String vendorName, String slipNumber, String note, String sentBy, Instant sentAt, Instant expectedReturnAt,
            String returnRule, Instant returnedAt, String receivedBy, String vendorReport, String outcome, boolean overdue,
            LoanerView loaner, Instant loanerInstalledAt, Instant loanerCollectedAt, List<Report> progressReports) {
    }

    public record Report(String body, String writtenBy, Instant writtenAt) {
    }
}
