package com.aftercare.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.aftercare.attachment.Visibility;

interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    List<ConversationMessage> findByTicketIdOrderByCreatedAtAscIdAsc(Long ticketId);

    List<ConversationMessage> findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(Long ticketId, Visibility visibility);

    Optional<ConversationMessage> findByIdempotencyKey(String idempotencyKey);
}
