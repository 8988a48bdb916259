package com.aftercare.repair;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RepairSlipRepository extends JpaRepository<RepairSlip, Long> {

    @Query("select x from RepairSlip x where x.ticketId = :ticketId order by x.id asc")
    List<RepairSlip> findByTicketIdOrderByIdAsc(@Param("ticketId") Long ticketId);

    Optional<RepairSlip> findFirstByTicketIdOrderByIdDesc(Long ticketId);

    List<RepairSlip> findBySentAtGreaterThanEqualAndSentAtLessThanOrderBySentAtAscIdAsc(Instant from, Instant to);
}
