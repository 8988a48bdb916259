package com.aftercare.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("""
            select n from Notification n
            where n.recipientUser = :user or n.recipientRole in :roles
            order by n.createdAt desc, n.id desc""")
    List<Notification> forRecipient(@Param("user") String user, @Param("roles") Collection<String> roles,
            org.springframework.data.domain.Pageable page);

    List<Notification> findByTicketId(Long ticketId);

    /** The user's notifications they have not marked read (V38 notification_read). */
    @Query(value = """
            select count(*) from notification n
            where (n.recipient_user = :user or n.recipient_role in (:roles)) and n.read_at is null
              and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)""",
            nativeQuery = true)
    long countUnread(@Param("user") String user, @Param("roles") Collection<String> roles);

    /** Of {@code ids}, those {@code user} has marked read. */
    @Query(value = "select r.notification_id from notification_read r where r.username = :user and r.notification_id in (:ids)",
            nativeQuery = true)
    List<Long> readAmong(@Param("user") String user, @Param("ids") Collection<Long> ids);

    /** Marks one notification read for {@code user}; 0 when it already was (a double click changes nothing). */
    @Modifying
    @Query(value = """
            insert into notification_read (notification_id, username, read_at)
            select n.id, :user, :now from notification n
            where n.id = :id
              and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)""",
            nativeQuery = true)
    int markRead(@Param("id") long id, @Param("user") String user, @Param("now") Instant now);

    /**
     * Marks read every notification of the user up to {@code upToId}: what arrived after the reader's list was
     * drawn stays unread.
     */
    @Modifying
    @Query(value = """
            insert into notification_read (notification_id, username, read_at)
            select n.id, :user, :now from notification n
            where (n.recipient_user = :user or n.recipient_role in (:roles)) and n.id <= :upToId and n.read_at is null
              and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)""",
            nativeQuery = true)
    int markAllRead(@Param("user") String user, @Param("roles") Collection<String> roles, @Param("upToId") long upToId,
            @Param("now") Instant now);
}
