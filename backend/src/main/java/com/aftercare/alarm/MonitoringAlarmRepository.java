package com.aftercare.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonitoringAlarmRepository extends JpaRepository<MonitoringAlarm, Long> {

    /** The open alarm of this key, locked: events of one alarm are handled one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from MonitoringAlarm a where a.sourceId = :source and a.openKey = :key")
    Optional<MonitoringAlarm> findOpenForUpdate(@Param("source") Long sourceId, @Param("key") String dedupKey);

    List<MonitoringAlarm> findByTicketIdOrderByFirstAt(Long ticketId);

    /** Trigger/resolve pairs completed since {@code from}: resolves that found the alarm firing. */
    @Query("""
            select count(e) from MonitoringEvent e
            where e.alarmId = :alarm and e.outcome = 'RESOLVED' and e.receivedAt >= :from""")
    long pairsSince(@Param("alarm") Long alarmId, @Param("from") Instant from);
}
