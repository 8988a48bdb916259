package com.aftercare.servicereport;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceReportContentRepository extends JpaRepository<ServiceReportContent, Long> {
}
