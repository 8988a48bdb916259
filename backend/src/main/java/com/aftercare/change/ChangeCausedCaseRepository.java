package com.aftercare.change;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChangeCausedCaseRepository extends JpaRepository<ChangeCausedCase, Long> {

    List<ChangeCausedCase> findByChangeIdOrderByIdAsc(long changeId);

    Optional<ChangeCausedCase> findByChangeIdAndTicketId(long changeId, long ticketId);

    /** (change id, faults judged caused by it) for a page of changes: one query for the whole list. */
    @Query("select c.changeId, count(c) from ChangeCausedCase c where c.changeId in :changeIds group by c.changeId")
    List<Object[]> countByChange(@Param("changeIds") Collection<Long> changeIds);
}
