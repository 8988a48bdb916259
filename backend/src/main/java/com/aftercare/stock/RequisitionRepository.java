package com.aftercare.stock;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RequisitionRepository extends JpaRepository<Requisition, Long> {

    List<Requisition> findTop200ByOrderByRequestedAtDescIdDesc();

    List<Requisition> findTop200ByRequestedByOrderByRequestedAtDescIdDesc(String requestedBy);

    @Query("select x from Requisition x where x.ticketId = :ticketId order by x.id asc")
    List<Requisition> findByTicketIdOrderByIdAsc(@Param("ticketId") Long ticketId);
}
