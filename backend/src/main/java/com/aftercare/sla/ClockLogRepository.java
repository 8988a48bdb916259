package com.aftercare.sla;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClockLogRepository extends JpaRepository<ClockLog, Long> {

    List<ClockLog> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);

    List<ClockLog> findByTicketIdInOrderByOccurredAtAscIdAsc(Collection<Long> ticketIds);

    List<ClockLog> findByKindOrderByIdAsc(ClockLog.Kind kind);
}
