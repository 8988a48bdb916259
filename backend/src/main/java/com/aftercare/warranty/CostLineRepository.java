package com.aftercare.warranty;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CostLineRepository extends JpaRepository<CostLine, Long> {

    @Query("select x from CostLine x where x.ticketId = :ticketId order by x.id asc")
    List<CostLine> findByTicketIdOrderByIdAsc(@Param("ticketId") Long ticketId);
}
