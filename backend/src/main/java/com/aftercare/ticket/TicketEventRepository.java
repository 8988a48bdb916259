package com.aftercare.ticket;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Deliberately no delete or update methods: the timeline is append-only. */
public interface TicketEventRepository extends Repository<TicketEvent, Long> {
    TicketEvent save(TicketEvent event);
    @Query("select x from TicketEvent x where x.ticketId = :ticketId order by x.occurredAt asc, x.id asc")
    List<TicketEvent> findByTicketIdOrderByOccurredAtAscIdAsc(@Param("ticketId") Long ticketId);
    @Query("select count(x) from TicketEvent x where x.ticketId = :ticketId")
    long countByTicketId(@Param("ticketId") Long ticketId);
}
