package com.aftercare.inspection;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;

/**
 * PM-4: every failed checklist line opens a fault case on its device, linked to the inspection (the line keeps the
 * case; the case's description names the inspection). Called by inspection.bpmn's openFaultCases step. Each line's
 * case carries the idempotency key "inspection-check-{id}", so a step run twice opens no second case.
 */
@Service
public class OpenInspectionFaults {

    private final InspectionRepository inspections;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final ReportFault reportFault;
    private final Labels labels;

    OpenInspectionFaults(InspectionRepository inspections, InspectionCheckRepository checks, AssetService assets,
            ReportFault reportFault, Labels labels) {
        this.inspections = inspections;
        this.checks = checks;
        this.assets = assets;
        this.reportFault = reportFault;
        this.labels = labels;
    }

    /** Opens the missing cases; returns how many failed lines the inspection has. */
    @Transactional
    public int open(long inspectionId) {
        Inspection inspection = inspections.findById(inspectionId).orElseThrow();
        List<InspectionCheck> failed = checks.findByInspectionIdOrderById(inspectionId).stream()
                .filter(c -> c.getResult() == CheckResult.FAIL).toList();
        for (InspectionCheck check : failed) {
            if (check.getFaultTicketId() != null) {
                continue;
            }
            Device device = assets.device(check.getDeviceId());
            String title = labels.text(Labels.ZH, "inspection.faultTitle", Map.of("item", check.getItem(), "device", device.getName()));
            String description = labels.text(Labels.ZH, "inspection.faultDescription", Map.of("id", inspection.getId(),
                    "window", inspection.getWindowStart().format(DateTimeFormatter.ISO_LOCAL_DATE), "item", check.getItem(),
                    "note", check.getNote() == null ? "" : check.getNote()));
            String phone = device.getSite().getContactPhone();
            NewTicket report = new NewTicket(Channel.ON_SITE,
                    check.getCheckedBy() == null ? inspection.getChecklistDoneBy() : check.getCheckedBy(),
                    device.getSite().getCustomer().getName(),
                    phone == null || !phone.matches("[0-9+()\\- ]{3,40}") ? "000" : phone, device.getSite().getId(),
                    device.getId(), Category.DEFECT, Grade.MEDIUM, Grade.MEDIUM, cut(title, 200), cut(description, 4000));
            check.faultOpened(reportFault.report(report, "inspection-check-" + check.getId()).ticket().getId());
        }
        checks.flush();
        return failed.size();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
