package com.aftercare.warranty;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.NotFoundException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/** RR-6: what the scrap certificate (报废证明) of a case prints; 404 when no device was scrapped on the case. */
@Service
public class ReadScrapCertificate {

    private final FindTicket tickets;
    private final CaseWarrantyRepository warranties;
    private final AssetService assets;

    ReadScrapCertificate(FindTicket tickets, CaseWarrantyRepository warranties, AssetService assets) {
        this.tickets = tickets;
        this.warranties = warranties;
        this.assets = assets;
    }

    public record DeviceLine(String name, String type, String model, String serialNumber) {
    }

    public record ScrapCertificate(String certificateNo, String ticketNumber, String customerName, String siteName,
            String siteAddress, DeviceLine scrapped, DeviceLine replacement, String cause,
            Instant scrappedAt) {
    }

    @Transactional(readOnly = true)
    public ScrapCertificate of(long ticketId) {
        Ticket ticket = tickets.getVisible(ticketId);
        CaseWarranty w = warranties.findById(ticketId).filter(CaseWarranty::isScrapped)
                .orElseThrow(() -> new NotFoundException("No scrap certificate on ticket " + ticketId));
        Device old = assets.device(w.getOldDeviceId());
        Device created = assets.device(w.getNewDeviceId());
        return new ScrapCertificate("BF-" + ticket.getNumber(), ticket.getNumber(), ticket.getSite().getCustomer().getName(),
                ticket.getSite().getName(), ticket.getSite().getAddress(), line(old), line(created),
                w.getReplacementCause(), w.getReplacedAt());
    }

    private static DeviceLine line(Device d) {
        return new DeviceLine(d.getName(), d.getType().name(), d.getModel(), d.getSerialNumber());
    }
}
