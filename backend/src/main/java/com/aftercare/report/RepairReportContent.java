package com.aftercare.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a report's Excel file: read only when someone downloads it (as attachments, docs/adr/0016). */
@Entity
@Table(name = "repair_report_content")
class RepairReportContent {

    @Id
    @Column(name = "report_id")
    private Long reportId;
    private byte[] bytes;

    protected RepairReportContent() {
    }

    RepairReportContent(Long reportId, byte[] bytes) {
        this.reportId = reportId;
        this.bytes = bytes;
    }

    byte[] getBytes() { return bytes; }
}
