package com.aftercare.repair;

import org.springframework.stereotype.Component;

import com.aftercare.common.NotFoundException;

/** The slip of a case the device is at (or was last sent to) the vendor on, for the use cases of this feature. */
@Component
class RepairSlips {

    private final RepairSlipRepository slips;

    RepairSlips(RepairSlipRepository slips) {
        this.slips = slips;
    }

    RepairSlip current(long ticketId) {
        return slips.findFirstByTicketIdOrderByIdDesc(ticketId)
                .orElseThrow(() -> new NotFoundException("No repair slip for ticket " + ticketId));
    }
}
