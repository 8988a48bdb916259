package com.aftercare.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepairReportRepository extends JpaRepository<RepairReport, Long> {

    Optional<RepairReport> findByCustomerIdAndKindAndPeriodStart(Long customerId, ReportKind kind, LocalDate periodStart);

    List<RepairReport> findAllByOrderByPeriodStartDescIdDesc();

    List<RepairReport> findByCustomerIdOrderByPeriodStartDescIdDesc(Long customerId);
}
