package com.aftercare.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.aftercare.attachment.Visibility;

interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    @Query("select x from ConversationMessage x where x.ticketId = :ticketId order by x.createdAt asc, x.id asc")
    List<ConversationMessage> findByTicketIdOrderByCreatedAtAscIdAsc(@Param("ticketId") Long ticketId);

    @Query("select x from ConversationMessage x where x.ticketId = :ticketId and x.visibility = :visibility order by x.createdAt asc, x.id asc")
    List<ConversationMessage> findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(@Param("ticketId") Long ticketId, @Param("visibility") Visibility visibility);

    @Query("select x from ConversationMessage x where x.idempotencyKey = :key")
    Optional<ConversationMessage> findByIdempotencyKey(@Param("key") String idempotencyKey);
}
