package com.aftercare.repair;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    @Query("select x from ProgressReport x where x.ticketId = :ticketId order by x.writtenAt asc, x.id asc")
    List<ProgressReport> findByTicketIdOrderByWrittenAtAscIdAsc(@Param("ticketId") Long ticketId);
}
