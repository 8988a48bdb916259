package com.aftercare.stock;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequisitionRepository extends JpaRepository<Requisition, Long> {

    List<Requisition> findTop200ByOrderByRequestedAtDescIdDesc();

    List<Requisition> findTop200ByRequestedByOrderByRequestedAtDescIdDesc(String requestedBy);

    List<Requisition> findByTicketIdOrderByIdAsc(Long ticketId);
}
