package com.aftercare.probe;

import java.util.List;

import org.springframework.data.repository.Repository;

interface ProbeResultRepository extends Repository<ProbeResult, Long> {
    ProbeResult save(ProbeResult result);
    List<ProbeResult> findByTicketIdOrderByStartedAtAscIdAsc(Long ticketId);
}
