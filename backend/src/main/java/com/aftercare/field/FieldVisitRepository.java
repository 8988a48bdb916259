package com.aftercare.field;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FieldVisitRepository extends JpaRepository<FieldVisit, Long> {

    List<FieldVisit> findByTicketIdOrderByVisitNoAsc(Long ticketId);

    Optional<FieldVisit> findFirstByTicketIdOrderByVisitNoDesc(Long ticketId);
}
