package com.aftercare.warranty;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CostLineRepository extends JpaRepository<CostLine, Long> {

    List<CostLine> findByTicketIdOrderByIdAsc(Long ticketId);
}
