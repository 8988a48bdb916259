package com.aftercare.report;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepairReportContentRepository extends JpaRepository<RepairReportContent, Long> {
}
