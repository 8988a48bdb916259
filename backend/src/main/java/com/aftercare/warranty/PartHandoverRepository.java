package com.aftercare.warranty;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartHandoverRepository extends JpaRepository<PartHandover, Long> {

    List<PartHandover> findByTicketIdOrderByIdAsc(Long ticketId);
}
