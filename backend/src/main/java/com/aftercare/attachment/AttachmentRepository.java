package com.aftercare.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @Query("select x from Attachment x where x.ticketId = :ticketId order by x.uploadedAt asc, x.id asc")
    List<Attachment> findByTicketIdOrderByUploadedAtAscIdAsc(@Param("ticketId") Long ticketId);

    List<Attachment> findByMessageIdInOrderByIdAsc(Collection<Long> messageIds);

    @Query("select x from Attachment x where x.idempotencyKey = :key")
    Optional<Attachment> findByIdempotencyKey(@Param("key") String idempotencyKey);

    @Query("select count(x) from Attachment x where x.ticketId = :ticketId")
    long countByTicketId(@Param("ticketId") Long ticketId);
}
