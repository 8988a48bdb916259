package com.aftercare.field;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FieldVisitRepository extends JpaRepository<FieldVisit, Long> {

    @Query("select x from FieldVisit x where x.ticketId = :ticketId order by x.visitNo asc")
    List<FieldVisit> findByTicketIdOrderByVisitNoAsc(@Param("ticketId") Long ticketId);

    Optional<FieldVisit> findFirstByTicketIdOrderByVisitNoDesc(Long ticketId);
}
