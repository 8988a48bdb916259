package com.aftercare.warranty;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartHandoverRepository extends JpaRepository<PartHandover, Long> {

    @Query("select x from PartHandover x where x.ticketId = :ticketId order by x.id asc")
    List<PartHandover> findByTicketIdOrderByIdAsc(@Param("ticketId") Long ticketId);
}
