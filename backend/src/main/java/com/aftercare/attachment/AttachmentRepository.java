package com.aftercare.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByTicketIdOrderByUploadedAtAscIdAsc(Long ticketId);

    List<Attachment> findByMessageIdInOrderByIdAsc(Collection<Long> messageIds);

    Optional<Attachment> findByIdempotencyKey(String idempotencyKey);

    long countByTicketId(Long ticketId);
}
