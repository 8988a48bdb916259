package com.aftercare.serviceform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * The service form (维修服务单) of a ticket in the reader's language: the case, the device and one block per
 * on-site visit (what the field steps recorded, see {@link VisitRecords}), with the customer's signature and the
 * photos the customer may see. Staff read any ticket's form; a customer's user their own unit's (another unit's
 * ticket is 404). The desk's audit reason and the auditor's name are left out for a customer's user.
 */
@Service
public class ReadServiceForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FindTicket tickets;
    private final VisitRecords visits;
    private final VisitImages images;
    private final Labels labels;
    private final Clock clock;

    ReadServiceForm(FindTicket tickets, VisitRecords visits, VisitImages images, Labels labels, Clock clock) {
        this.tickets = tickets;
        this.visits = visits;
        this.images = images;
        this.labels = labels;
        this.clock = clock;
    }

    /** The form of a ticket the signed-in user may see, in {@code language} (zh-CN or en). */
    @Transactional(readOnly = true)
    public ServiceForm read(long ticketId, Locale language) {
        CaseFacts facts = facts(tickets.getVisible(ticketId), clock.getZone());
        return assemble(facts, visits.forTicket(ticketId), language, CurrentUser.isCustomer());
    }

    static CaseFacts facts(Ticket t, ZoneId defaultZone) {
        Site site = t.getSite();
        Device device = t.getDevice();
        ZoneId zone = t.terms() == null ? defaultZone : t.terms().zone();
        String contact = site == null ? null : join(site.getContactName(), site.getContactPhone());
        return new CaseFacts(t.getId(), t.getNumber(), t.getTitle(),
                site == null || site.getCustomer() == null ? t.getRequesterUnit() : site.getCustomer().getName(),
                site == null ? null : site.getName(), site == null ? null : site.getAddress(),
                join(t.getRequesterName(), t.getRequesterUnit()), t.getRequesterPhone(), contact, null,
                t.getReceivedAt() != null ? t.getReceivedAt() : t.getCreatedAt(), t.getLevel(),
                device == null ? null : device.getName(), device == null ? null : device.getModel(),
                device == null ? null : device.getSerialNumber(),
                device == null || device.getSite() == null ? null : device.getSite().getName(), zone);
    }

    /** The form from what was read: every value worded for {@code language}, times in the ticket's zone. */
    ServiceForm assemble(CaseFacts c, List<VisitRecord> recorded, Locale language, boolean forCustomer) {
        Locale lang = Labels.language(language);
        ZoneId zone = c.zone() == null ? clock.getZone() : c.zone();
        ServiceForm.ServiceFormCase caseInfo = new ServiceForm.ServiceFormCase(c.number(), c.title(), c.customerUnit(), c.site(),
                c.address(), c.reporter(), c.reporterPhone(), c.siteContact(), time(c.reportedAt(), zone),
                c.level() == null ? null : labels.faultLevel(lang, null, c.level()));
        ServiceForm.ServiceFormDevice device = new ServiceForm.ServiceFormDevice(c.deviceName(), c.deviceModel(), c.deviceSerial(),
                c.deviceLocation());
        List<ServiceForm.ServiceFormVisit> visitBlocks = new ArrayList<>();
        for (VisitRecord v : recorded) {
            visitBlocks.add(visit(c.ticketId(), v, lang, zone, forCustomer));
        }
        if (visitBlocks.isEmpty()) {
            visitBlocks.add(new ServiceForm.ServiceFormVisit(1, null, null, null, false, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null));
        }
        List<ServiceForm.ServiceFormPicture> photos = images.photoThumbnails(c.ticketId()).stream().map(ReadServiceForm::picture).toList();
        return new ServiceForm(c.ticketId(), lang.equals(Labels.EN) ? "en" : "zh-CN",
                labels.text(lang, "serviceForm.title"), zoneName(lang, zone), caseInfo, device, visitBlocks, photos,
                time(clock.instant(), zone));
    }

    private ServiceForm.ServiceFormVisit visit(long ticketId, VisitRecord v, Locale lang, ZoneId zone, boolean forCustomer) {
        ServiceForm.ServiceFormPicture signature = v.signatureAttachmentId() == null ? null
                : images.signature(ticketId, v.signatureAttachmentId()).map(ReadServiceForm::picture).orElse(null);
        String engineer = v.engineerName() != null && !v.engineerName().isBlank() ? v.engineerName() : v.engineerUsername();
        String confirmation = v.confirmedAt() == null && v.testerName() == null ? null
                : word(lang, "serviceForm.confirmation", v.confirmedRemotely() ? "REMOTE" : "ON_SITE");
        String audit = word(lang, "serviceForm.auditOutcome", v.auditOutcome() == null ? "PENDING" : v.auditOutcome());
        return new ServiceForm.ServiceFormVisit(v.visitNo(), engineer, time(v.checkedInAt(), zone), place(lang, v), v.emergency(),
                time(v.restoredAt(), zone), v.symptom(), v.diagnosis(), v.cause(), v.recoveryPlan(),
                v.planReview() == null ? null : word(lang, "serviceForm.planReviewValue", v.planReview()), v.workDone(),
                v.parts(), v.prevention(), v.testerName(), time(v.confirmedAt(), zone), confirmation, signature, audit,
                forCustomer ? null : v.auditReason(), forCustomer ? null : v.auditedBy(), time(v.auditedAt(), zone));
    }

    /** A code as words; an unknown code reads as a blank (never the code itself). */
    private String word(Locale lang, String group, String code) {
        return labels.find(lang, group, code).orElse(null);
    }

    private String place(Locale lang, VisitRecord v) {
        if (v.latitude() == null || v.longitude() == null) {
            return null;
        }
        String lat = String.format(Locale.ROOT, "%.5f", v.latitude());
        String lng = String.format(Locale.ROOT, "%.5f", v.longitude());
        if (v.accuracyMeters() == null) {
            return labels.text(lang, "serviceForm.placeNoAccuracy", Map.of("lat", lat, "lng", lng));
        }
        return labels.text(lang, "serviceForm.place", Map.of("lat", lat, "lng", lng,
                "accuracy", String.valueOf(Math.round(v.accuracyMeters()))));
    }

    private String zoneName(Locale lang, ZoneId zone) {
        return labels.text(lang, "serviceForm.zone", Map.of("zone",
                labels.find(lang, "zone", zone.getId()).orElse(zone.getId())));
    }

    private static ServiceForm.ServiceFormPicture picture(VisitImages.Image image) {
        return new ServiceForm.ServiceFormPicture(image.attachmentId(), image.fileName(), image.contentType(), image.bytes());
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }

    private static String join(String a, String b) {
        return Optional.ofNullable(a).filter(s -> !s.isBlank())
                .map(s -> b == null || b.isBlank() ? s : s + " " + b).orElse(b == null || b.isBlank() ? null : b);
    }
}
