package com.aftercare.hotline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HotlineCallRepository extends JpaRepository<HotlineCall, Long> {

    Optional<HotlineCall> findByCallId(String callId);

    /** Offered and answered calls that started in [from, to): the month's figure, counted in the database. */
    @Query("select count(c), count(c.answeredAt) from HotlineCall c where c.startedAt >= :from and c.startedAt < :to")
    List<Object[]> countBetween(@Param("from") Instant from, @Param("to") Instant to);

    /** Start times and whether answered, for the per-day lines (a month's calls, a few thousand at most). */
    @Query("select c.startedAt, c.answeredAt from HotlineCall c where c.startedAt >= :from and c.startedAt < :to")
    List<Object[]> startsBetween(@Param("from") Instant from, @Param("to") Instant to);

    @Query("""
            select c from HotlineCall c where c.startedAt >= :from and c.startedAt < :to
              and (:missed = false or c.answeredAt is null)
            order by c.startedAt desc, c.id desc""")
    List<HotlineCall> between(@Param("from") Instant from, @Param("to") Instant to, @Param("missed") boolean missed, Pageable page);

    /** Missed calls of the month no one has called back and whose caller has not got through since. */
    @Query("""
            select c from HotlineCall c where c.startedAt >= :from and c.startedAt < :to and c.answeredAt is null
              and c.callbackAt is null
              and not exists (select l from HotlineCall l where l.callerNumber = c.callerNumber and l.startedAt > c.startedAt
                              and l.answeredAt is not null)
            order by c.startedAt desc, c.id desc""")
    List<HotlineCall> openMissed(@Param("from") Instant from, @Param("to") Instant to, Pageable page);

    @Query("""
            select count(c) from HotlineCall c where c.startedAt >= :from and c.startedAt < :to and c.answeredAt is null
              and c.callbackAt is null
              and not exists (select l from HotlineCall l where l.callerNumber = c.callerNumber and l.startedAt > c.startedAt
                              and l.answeredAt is not null)""")
    long countOpenMissed(@Param("from") Instant from, @Param("to") Instant to);

    /** Per number, the start of its latest answered call: a missed call before it got through later. */
    @Query("select c.callerNumber, max(c.startedAt) from HotlineCall c where c.callerNumber in :numbers and c.answeredAt is not null"
            + " group by c.callerNumber")
    List<Object[]> lastAnswered(@Param("numbers") java.util.Collection<String> numbers);

    /**
     * (caller number, start) of the answered calls of these numbers from a moment on, oldest first: when a missed
     * caller got through (ReplyClock).
     */
    @Query("select c.callerNumber, c.startedAt from HotlineCall c where c.callerNumber in :numbers and c.answeredAt is not null"
            + " and c.startedAt > :from order by c.startedAt")
    List<Object[]> answeredSince(@Param("numbers") java.util.Collection<String> numbers, @Param("from") Instant from);

    /** The month's missed calls, for the 30-minute reply figure (a month's misses: hundreds at most). */
    @Query("select c from HotlineCall c where c.startedAt >= :from and c.startedAt < :to and c.answeredAt is null")
    List<HotlineCall> missedBetween(@Param("from") Instant from, @Param("to") Instant to);

    /** Row lock for a callback: two desk users clicking 登记回拨 at once record one. */
    @Query(value = "select id from hotline_call where id = :id for update", nativeQuery = true)
    Long lock(@Param("id") long id);
}
