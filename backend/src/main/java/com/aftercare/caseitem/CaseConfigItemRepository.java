package com.aftercare.caseitem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseConfigItemRepository extends JpaRepository<CaseConfigItem, Long> {

    List<CaseConfigItem> findByTicketIdOrderByIdAsc(long ticketId);

    long countByTicketId(long ticketId);

    Optional<CaseConfigItem> findByTicketIdAndConfigItemId(long ticketId, long configItemId);

    /** The cases naming an item, most recently named first. */
    @Query("select c from CaseConfigItem c where c.configItemId = :itemId order by c.linkedAt desc, c.id desc")
    List<CaseConfigItem> namingItem(@Param("itemId") long itemId, Pageable page);

    /** (item id, open cases naming it) for the items given. */
    @Query("""
            select c.configItemId, count(c) from CaseConfigItem c, com.aftercare.ticket.Ticket t
            where t.id = c.ticketId and c.configItemId in :itemIds and t.status <> com.aftercare.ticket.TicketStatus.CLOSED
            group by c.configItemId""")
    List<Object[]> countOpenNaming(@Param("itemIds") Collection<Long> itemIds);
}
