package com.aftercare.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SurveyRepository extends JpaRepository<Survey, Long> {

    boolean existsByKindAndCustomerIdAndSlot(SurveyKind kind, Long customerId, String slot);

    Optional<Survey> findByKindAndCustomerIdAndSlot(SurveyKind kind, Long customerId, String slot);

    @Query("select s.ticketId from Survey s where s.ticketId in :ticketIds")
    List<Long> findPickedTicketIds(@Param("ticketIds") Collection<Long> ticketIds);

    List<Survey> findByStatusOrderByDueAtAscIdAsc(SurveyStatus status);

    long countByStatusAndDueAtLessThanEqual(SurveyStatus status, java.time.Instant at);

    List<Survey> findByStatusAndCustomerIdOrderByDueAtAscIdAsc(SurveyStatus status, Long customerId);

    List<Survey> findByCustomerIdAndKindOrderByPeriodStartAscIdAsc(Long customerId, SurveyKind kind);

    @Query("""
            select s from Survey s where s.customerId = :customerId and s.periodStart >= :from and s.periodStart <= :to
            order by s.periodStart, s.kind, s.id""")
    List<Survey> findOfCustomerInPeriod(@Param("customerId") Long customerId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    @Query("""
            select s from Survey s where s.status = com.aftercare.survey.SurveyStatus.ANSWERED
            and s.answeredAt >= :from and s.answeredAt < :to and (:customerId is null or s.customerId = :customerId)
            order by s.answeredAt, s.id""")
    List<Survey> findAnsweredBetween(@Param("customerId") Long customerId, @Param("from") Instant from,
            @Param("to") Instant to);

    /** The answered surveys about these cases (CB-1's sampled ones carry the case), oldest answer first. */
    @Query("""
            select s from Survey s where s.status = com.aftercare.survey.SurveyStatus.ANSWERED
            and s.ticketId in :ticketIds order by s.answeredAt, s.id""")
    List<Survey> findAnsweredAbout(@Param("ticketIds") java.util.Collection<Long> ticketIds);
}
