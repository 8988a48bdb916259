package com.aftercare.alarm;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonitoringSourceRepository extends JpaRepository<MonitoringSource, Long> {

    @Query("select x from MonitoringSource x where x.keyHash = :keyHash")
    Optional<MonitoringSource> findByKeyHash(@Param("keyHash") String keyHash);

    List<MonitoringSource> findAllByOrderByIdDesc();

    /** Records a refusal for the limit a minute: a bulk update, so no audit entry and no version (bookkeeping). */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @Query("update MonitoringSource s set s.lastRefusedAt = :at where s.id = :id")
    int refused(@Param("id") long id, @Param("at") java.time.Instant at);

    /** Per source: events received, cases opened, last event time (one query for the admin list). */
    @Query("""
            select s.id, (select count(e) from MonitoringEvent e where e.sourceId = s.id),
                   (select count(a) from MonitoringAlarm a where a.sourceId = s.id and a.ticketId is not null),
                   (select max(e.receivedAt) from MonitoringEvent e where e.sourceId = s.id)
            from MonitoringSource s""")
    List<Object[]> activity();
}
