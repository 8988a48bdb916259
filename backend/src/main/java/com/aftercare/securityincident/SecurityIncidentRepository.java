package com.aftercare.securityincident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SecurityIncidentRepository extends JpaRepository<SecurityIncident, Long> {

    /**
     * The incident with its row lock: two investigators acting at once (two clicks on 接手调查) go one after the other,
     * and the second is checked against what the first committed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from SecurityIncident i where i.id = :id")
    Optional<SecurityIncident> findForChange(@Param("id") long id);

    /** The list, newest report first; reportedBy limits it to one reporter's (staff who are not investigators). */
    @Query("""
            select i from SecurityIncident i
            where (:customerId is null or i.customerId = :customerId)
              and (:status is null or i.status = :status)
              and (:kind is null or i.kind = :kind)
              and (:reportedBy is null or i.reportedBy = :reportedBy)
            order by i.reportedAt desc, i.id desc""")
    List<SecurityIncident> search(@Param("customerId") Long customerId, @Param("status") SecurityIncidentStatus status,
            @Param("kind") SecurityIncidentKind kind, @Param("reportedBy") String reportedBy, Pageable page);

    /** occurredAt, kind, impact, status of the incidents that happened in [from, to), for the counts. */
    @Query("""
            select i.occurredAt, i.kind, i.impact, i.status from SecurityIncident i
            where i.occurredAt >= :from and i.occurredAt < :to and (:customerId is null or i.customerId = :customerId)""")
    List<Object[]> occurredBetween(@Param("from") Instant from, @Param("to") Instant to, @Param("customerId") Long customerId);

    @Query("""
            select i from SecurityIncident i where i.customerId = :customerId and i.occurredAt >= :from and i.occurredAt < :to
            order by i.occurredAt, i.id""")
    List<SecurityIncident> ofUnitBetween(@Param("customerId") long customerId, @Param("from") Instant from,
            @Param("to") Instant to);

    /** A case's unit and number (customer id, number), to check that a linked case is the same unit's. */
    @Query(value = "select s.customer_id, t.number from ticket t join site s on s.id = t.site_id where t.id = :id",
            nativeQuery = true)
    List<Object[]> caseOf(@Param("id") long ticketId);
}
