package com.aftercare.probe;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProbeResultRepository extends Repository<ProbeResult, Long> {
    ProbeResult save(ProbeResult result);
    @Query("select x from ProbeResult x where x.ticketId = :ticketId order by x.startedAt asc, x.id asc")
    List<ProbeResult> findByTicketIdOrderByStartedAtAscIdAsc(@Param("ticketId") Long ticketId);
}
