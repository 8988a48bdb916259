package com.aftercare.servicereport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceReportRepository extends JpaRepository<ServiceReport, Long> {

    Optional<ServiceReport> findByCustomerIdAndKindAndPeriodStartAndTicketKey(Long customerId, ServiceReportKind kind,
            LocalDate periodStart, long ticketKey);

    List<ServiceReport> findAllByOrderByPeriodStartDescIdDesc();

    List<ServiceReport> findByCustomerIdOrderByPeriodStartDescIdDesc(Long customerId);

    List<ServiceReport> findByStatusOrderByDueOnAscIdAsc(ServiceReport.Status status);

    long countByStatusAndDueOnBefore(ServiceReport.Status status, LocalDate day);
}
