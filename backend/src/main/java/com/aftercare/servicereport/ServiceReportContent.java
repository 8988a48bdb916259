package com.aftercare.servicereport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a service report's Excel and PDF files, read only when someone downloads or mails them. */
@Entity
@Table(name = "service_report_content")
class ServiceReportContent {

    @Id
    @Column(name = "report_id")
    private Long reportId;
    private byte[] xlsx;
    private byte[] pdf;

    protected ServiceReportContent() {
    }

    ServiceReportContent(Long reportId, byte[] xlsx, byte[] pdf) {
        this.reportId = reportId;
        this.xlsx = xlsx;
        this.pdf = pdf;
    }

    byte[] getXlsx() { return xlsx; }
    byte[] getPdf() { return pdf; }
}
