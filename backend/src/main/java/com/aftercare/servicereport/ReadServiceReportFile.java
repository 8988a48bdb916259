package com.aftercare.servicereport;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/** One stored report's Excel or PDF file. Another unit's report answers 404 to a customer's user, as if it did not exist. */
@Service
public class ReadServiceReportFile {

    public enum Format { XLSX, PDF }

    public record File(String fileName, String contentType, String sha256, byte[] bytes) {
    }

    private final ServiceReportRepository reports;
    private final ServiceReportContentRepository contents;

    ReadServiceReportFile(ServiceReportRepository reports, ServiceReportContentRepository contents) {
        this.reports = reports;
        this.contents = contents;
    }

    @Transactional(readOnly = true)
    public File file(long reportId, Format format) {
        Long scope = CurrentUser.scopeCustomerId();
        ServiceReport report = reports.findById(reportId)
                .filter(r -> scope == null || scope.equals(r.getCustomerId()))
                .filter(r -> r.getStatus() == ServiceReport.Status.READY)
                .orElseThrow(() -> new NotFoundException("No service report " + reportId));
        ServiceReportContent content = contents.findById(report.getId())
                .orElseThrow(() -> new NotFoundException("No file for service report " + reportId));
        return format == Format.XLSX
                ? new File(report.getFileBase() + ".xlsx", ReportFiles.XLSX, report.getXlsxSha256(), content.getXlsx())
                : new File(report.getFileBase() + ".pdf", ReportFiles.PDF, report.getPdfSha256(), content.getPdf());
    }
}
