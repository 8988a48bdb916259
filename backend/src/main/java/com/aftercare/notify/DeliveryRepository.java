package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    /** Deliveries whose (next) attempt is due; SENDING rows are due again when their worker's lease ran out. */
    @Query("""
            select d from Delivery d
            where d.nextAttemptAt <= :now
              and d.status in (com.aftercare.notify.DeliveryStatus.PENDING, com.aftercare.notify.DeliveryStatus.RETRYING,
                               com.aftercare.notify.DeliveryStatus.SENDING)
            order by d.nextAttemptAt, d.id""")
    List<Delivery> findDue(@Param("now") Instant now, Pageable page);

    /**
     * Takes a due delivery for one attempt: succeeds (returns 1) only for the worker that still saw
     * the version it read, on any database and any number of nodes; everyone else gets 0 and leaves it.
     * The lease (next_attempt_at) makes it due again if this worker dies before recording the outcome.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Delivery d
            set d.status = com.aftercare.notify.DeliveryStatus.SENDING, d.attempts = d.attempts + 1,
                d.nextAttemptAt = :leaseUntil, d.version = d.version + 1
            where d.id = :id and d.version = :version and d.nextAttemptAt <= :now""")
    int claim(@Param("id") Long id, @Param("version") long version, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

    /** Gives up a due delivery without another attempt (none left), under the same version check as {@link #claim}. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Delivery d
            set d.status = com.aftercare.notify.DeliveryStatus.FAILED, d.nextAttemptAt = null, d.lastError = :reason,
                d.version = d.version + 1
            where d.id = :id and d.version = :version""")
    int giveUp(@Param("id") Long id, @Param("version") long version, @Param("reason") String reason);

    List<Delivery> findByTicketIdOrderByCreatedAtDescIdDesc(Long ticketId);
}
