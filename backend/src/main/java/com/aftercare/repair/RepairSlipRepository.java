package com.aftercare.repair;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepairSlipRepository extends JpaRepository<RepairSlip, Long> {

    List<RepairSlip> findByTicketIdOrderByIdAsc(Long ticketId);

    Optional<RepairSlip> findFirstByTicketIdOrderByIdDesc(Long ticketId);

    List<RepairSlip> findBySentAtGreaterThanEqualAndSentAtLessThanOrderBySentAtAscIdAsc(Instant from, Instant to);
}
