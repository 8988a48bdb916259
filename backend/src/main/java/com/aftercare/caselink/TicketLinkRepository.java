package com.aftercare.caselink;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketLinkRepository extends JpaRepository<TicketLink, Long> {

    @Query("select l from TicketLink l where l.lowTicketId = :low and l.highTicketId = :high")
    Optional<TicketLink> findPair(@Param("low") long low, @Param("high") long high);

    @Query("select l from TicketLink l where l.lowTicketId = :id or l.highTicketId = :id order by l.createdAt, l.id")
    List<TicketLink> findOf(@Param("id") long ticketId);
}
