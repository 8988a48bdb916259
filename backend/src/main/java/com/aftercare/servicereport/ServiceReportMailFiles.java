package com.aftercare.servicereport;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aftercare.notify.MailAttachments;

/** The two files of a service report for its mails ("service-report:42"), read when the delivery worker sends them. */
@Component
class ServiceReportMailFiles implements MailAttachments {

    private final ServiceReportRepository reports;
    private final ServiceReportContentRepository contents;

    ServiceReportMailFiles(ServiceReportRepository reports, ServiceReportContentRepository contents) {
        this.reports = reports;
        this.contents = contents;
    }

    @Override
    public Optional<List<File>> filesOf(String reference) {
        if (reference == null || !reference.startsWith(GenerateServiceReport.MAIL_REFERENCE)) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(reference.substring(GenerateServiceReport.MAIL_REFERENCE.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return reports.findById(id).flatMap(r -> contents.findById(id).map(c -> List.of(
                new File(r.getFileBase() + ".xlsx", ReportFiles.XLSX, c.getXlsx()),
                new File(r.getFileBase() + ".pdf", ReportFiles.PDF, c.getPdf()))));
    }
}
