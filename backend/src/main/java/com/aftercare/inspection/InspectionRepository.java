package com.aftercare.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    boolean existsByPlanIdAndWindowStart(Long planId, LocalDate windowStart);

    Optional<Inspection> findFirstByPlanIdAndIdLessThanOrderByIdDesc(Long planId, Long id);

    List<Inspection> findTop200ByOrderByIdDesc();

    List<Inspection> findTop200ByCustomerIdOrderByIdDesc(Long customerId);

    long countByStatusNotAndDueAtBefore(InspectionStatus status, Instant now);

    List<Inspection> findByStatusNotAndDueAtBeforeOrderByDueAt(InspectionStatus status, Instant now);

    List<Inspection> findByStatusIn(Collection<InspectionStatus> statuses);
}
