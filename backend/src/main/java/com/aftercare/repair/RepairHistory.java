package com.aftercare.repair;

import java.time.LocalDate;
import java.util.List;

/**
 * Devices sent to a vendor for repair (RR-1..RR-4), as the repair reports (RR-7) read them: one record per repair
 * slip whose sending date falls in the period. Implemented by the repair feature; the report feature only reads it.
 */
public interface RepairHistory {

    /**
     * The repair slips sent on a day in [from, toExclusive), oldest first.
     *
     * @param customerId the customer unit to report on, or null for every customer
     */
    List<RepairRecord> sentBetween(LocalDate from, LocalDate toExclusive, Long customerId);
}
