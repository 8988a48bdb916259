package com.aftercare.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Read-only on purpose: no save, no delete. Entries are appended by AuditChainWriter only. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    /**
     * {@code scopeCustomerId} is the reader's own customer (customer readers), null for supervisors and admins.
     * {@code from} and {@code to} are always given (PostgreSQL cannot type a null timestamp in "? is null").
     */
    @Query("""
            select e from AuditEntry e
            where (:entityType is null or e.entityType = :entityType)
              and (:entityId is null or e.entityId = :entityId)
              and (:customerId is null or e.customerId = :customerId)
              and (:scopeCustomerId is null or e.customerId = :scopeCustomerId)
              and (:ticketId is null or e.ticketId = :ticketId)
              and e.occurredAt >= :from and e.occurredAt < :to""")
    Page<AuditEntry> search(@Param("entityType") String entityType, @Param("entityId") String entityId,
            @Param("customerId") Long customerId, @Param("scopeCustomerId") Long scopeCustomerId, @Param("ticketId") Long ticketId,
            @Param("from") Instant from, @Param("to") Instant to, Pageable page);

    /** A customer reader's candidates: their unit's entries of the entities customers may read, in slices. */
    @Query("""
            select e from AuditEntry e
            where e.entityType in :entityTypes
              and (:entityId is null or e.entityId = :entityId)
              and e.customerId = :scopeCustomerId
              and (:ticketId is null or e.ticketId = :ticketId)
              and e.occurredAt >= :from and e.occurredAt < :to""")
    org.springframework.data.domain.Slice<AuditEntry> customerSlice(@Param("entityTypes") java.util.Collection<String> entityTypes,
            @Param("entityId") String entityId, @Param("scopeCustomerId") Long scopeCustomerId, @Param("ticketId") Long ticketId,
            @Param("from") Instant from, @Param("to") Instant to, Pageable page);

    long count();
}
