package com.aftercare.sla;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    List<Milestone> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);

    List<Milestone> findByTicketIdInOrderByOccurredAtAscIdAsc(Collection<Long> ticketIds);
}
