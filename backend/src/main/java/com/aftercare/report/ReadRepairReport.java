package com.aftercare.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/** One stored report's file. Another unit's report answers 404 to a customer's user, as if it did not exist. */
@Service
public class ReadRepairReport {

    public record File(String fileName, String sha256, byte[] bytes) {
    }

    private final RepairReportRepository reports;
    private final RepairReportContentRepository contents;

    ReadRepairReport(RepairReportRepository reports, RepairReportContentRepository contents) {
        this.reports = reports;
        this.contents = contents;
    }

    @Transactional(readOnly = true)
    public File file(long reportId) {
        Long scope = CurrentUser.scopeCustomerId();
        RepairReport report = reports.findById(reportId)
                .filter(r -> scope == null || scope.equals(r.getCustomerId()))
                .orElseThrow(() -> new NotFoundException("No repair report " + reportId));
        byte[] bytes = contents.findById(report.getId()).map(RepairReportContent::getBytes)
                .orElseThrow(() -> new NotFoundException("No file for repair report " + reportId));
        return new File(report.getFileName(), report.getSha256(), bytes);
    }
}
