package com.aftercare.sla;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    @Query("select x from Milestone x where x.ticketId = :ticketId order by x.occurredAt asc, x.id asc")
    List<Milestone> findByTicketIdOrderByOccurredAtAscIdAsc(@Param("ticketId") Long ticketId);

    @Query("select x from Milestone x where x.ticketId in :ticketIds order by x.occurredAt asc, x.id asc")
    List<Milestone> findByTicketIdInOrderByOccurredAtAscIdAsc(@Param("ticketIds") Collection<Long> ticketIds);
}
