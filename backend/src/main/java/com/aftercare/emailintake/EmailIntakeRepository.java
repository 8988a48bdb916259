package com.aftercare.emailintake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmailIntakeRepository extends JpaRepository<EmailIntake, Long> {

    @Query("select x from EmailIntake x where x.messageId = :messageId")
    Optional<EmailIntake> findByMessageId(@Param("messageId") String messageId);

    @Query("select e from EmailIntake e order by e.receivedAt desc, e.id desc")
    List<EmailIntake> recent(Pageable page);
}
