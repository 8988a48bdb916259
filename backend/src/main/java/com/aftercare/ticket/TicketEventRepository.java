package com.aftercare.ticket;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Deliberately no delete or update methods: the timeline is append-only. */
public interface TicketEventRepository extends Repository<TicketEvent, Long> {
    TicketEvent save(TicketEvent event);
    List<TicketEvent> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);
    long countByTicketId(Long ticketId);
}
