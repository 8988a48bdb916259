package com.aftercare.repair;

import java.time.LocalDate;

/**
 * One repair slip (送修单) as reports show it. Dates are in the contract's zone. {@code returnedOn} is null while the
 * device is still away. {@code outcome} is one of AWAY, REPAIRED, UNREPAIRABLE.
 */
public record RepairRecord(
        long ticketId,
        String ticketNumber,
        long customerId,
        String customerName,
        String siteName,
        Long deviceId,
        String deviceName,
        String deviceModel,
        String deviceSerial,
        String fault,
        String vendorName,
        String slipNumber,
        LocalDate sentOn,
        LocalDate expectedReturnOn,
        LocalDate returnedOn,
        String outcome,
        boolean loanerInstalled) {
}
