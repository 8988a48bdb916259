package com.aftercare.servicereport;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceReportRungRepository extends JpaRepository<ServiceReportRung, Long> {

    List<ServiceReportRung> findByReportIdOrderByRungAsc(Long reportId);

    List<ServiceReportRung> findByReportIdInOrderByRungAsc(Collection<Long> reportIds);

    boolean existsByReportIdAndRung(Long reportId, int rung);
}
