package com.aftercare.warranty;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.RetireDevice;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * RR-6: the approved replacement is installed (dispatch.bpmn after "installReplacement"): the new device joins the
 * asset list at the same site (same type, the proposed model, the old device's probe address unless a new IP is
 * given, so the verification that follows checks the place where it now works); the old device leaves the list
 * (retired, never deleted: its cases keep naming it) and is scrapped when the vendor could not repair it. The new
 * device is in warranty from the day it is installed for the contract's replacement months (WA-1, default 12).
 */
@Service
public class InstallReplacement {

    private final FindTicket tickets;
    private final AssetService assets;
    private final RetireDevice retireDevice;
    private final CaseWarrantyRepository warranties;
    private final CaseTimeline timeline;
    private final ContractWarranty contractWarranty;
    private final Clock clock;

    InstallReplacement(FindTicket tickets, AssetService assets, RetireDevice retireDevice, CaseWarrantyRepository warranties,
            CaseTimeline timeline, ContractWarranty contractWarranty, Clock clock) {
        this.tickets = tickets;
        this.assets = assets;
        this.retireDevice = retireDevice;
        this.warranties = warranties;
        this.timeline = timeline;
        this.contractWarranty = contractWarranty;
        this.clock = clock;
    }

    @Transactional
    public long install(long ticketId, String serialNumber, String name, String ipAddress) {
        Ticket ticket = tickets.get(ticketId);
        Device old = ticket.getDevice();
        CaseWarranty warranty = warranties.findById(ticketId)
                .orElseThrow(() -> ConflictException.of("noReplacementProposed"));
        if (old == null || !"APPROVED".equals(warranty.getReplacementAnswer())) {
            throw ConflictException.of("noApprovedReplacement");
        }
        if (serialNumber == null || serialNumber.isBlank()) {
            throw new BadRequestException("newSerialNumber", "the serial number of the new device");
        }
        String newName = name == null || name.isBlank() ? old.getName() : name.strip();
        String ip = ipAddress == null || ipAddress.isBlank() ? old.getIpAddress() : ipAddress.strip();
        // the day it is installed in the service's zone (aftercare.zone), like the day a case is reported
        LocalDate installedOn = clock.instant().atZone(clock.getZone()).toLocalDate();
        Device created = assets.createDevice(new NewDevice(old.getSite().getId(), old.getType(), newName,
                warranty.getReplacementModel(), serialNumber.strip(), ip,
                contractWarranty.replacementWarrantyEnd(ticket.getContractId(), installedOn), old.getProbeTcpPorts(),
                old.getProbeHttpUrl(), old.isProbeTlsInsecure()));
        retireDevice.retire(old.getId());
        boolean scrapped = "UNREPAIRABLE".equals(warranty.getReplacementCause());
        warranty.replaced(old.getId(), created.getId(), scrapped, clock.instant());
        timeline.record(ticketId, new CaseEvent.DeviceReplaced(old.getName(), created.getName(), scrapped));
        return created.getId();
    }
}
