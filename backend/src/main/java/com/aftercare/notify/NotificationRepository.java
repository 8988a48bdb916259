package com.aftercare.notify;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
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
}
