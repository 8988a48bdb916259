package com.aftercare.sla;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ClockLogRepository extends JpaRepository<ClockLog, Long> {

    @Query("select x from ClockLog x where x.ticketId = :ticketId order by x.occurredAt asc, x.id asc")
    List<ClockLog> findByTicketIdOrderByOccurredAtAscIdAsc(@Param("ticketId") Long ticketId);

    @Query("select x from ClockLog x where x.ticketId in :ticketIds order by x.occurredAt asc, x.id asc")
    List<ClockLog> findByTicketIdInOrderByOccurredAtAscIdAsc(@Param("ticketIds") Collection<Long> ticketIds);

    List<ClockLog> findByKindOrderByIdAsc(ClockLog.Kind kind);
}
