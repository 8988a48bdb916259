package com.aftercare.workflow;

import java.sql.Timestamp;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.aftercare.common.CachedFigure;

/**
 * The job executor's backlog for Prometheus (README "Metrics"): {@code aftercare_jobs_due} counts jobs that are due,
 * have retries left and that no node holds (an escalation timer waiting for a free thread or for the next
 * acquisition), {@code aftercare_jobs_oldest_due_age_seconds} is how long the oldest of them has been due. Together
 * they show a node that cannot keep up, or a cluster whose dead node's locks have not expired yet, before a late
 * escalation does.
 * <p>
 * Why SQL and not the engine's job query: the query API has no "not locked" condition (its executable() includes jobs
 * a node is running). The condition mirrors the acquisition query's (retries left, active, due, lock free or
 * expired) and uses the engine's own clock, which is what stamps due dates. A job without a due date (an asynchronous
 * continuation) is due since it was created. One aggregate over the acquisition index (JobAcquisitionIndex), cached.
 */
@Component
class JobBacklogGauge implements MeterBinder {

    private record Backlog(long due, double oldestAgeSeconds) {
    }

    private final CachedFigure<Backlog> backlog;

    JobBacklogGauge(JdbcTemplate jdbc, @Value("${aftercare.metrics.gauge-cache:PT5S}") Duration cache) {
        this.backlog = new CachedFigure<>(() -> {
            Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
            return jdbc.queryForObject("""
                    select count(*), min(coalesce(DUEDATE_, CREATE_TIME_)) from ACT_RU_JOB
                    where RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                      and (DUEDATE_ is null or DUEDATE_ <= ?)
                      and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?)""", (rs, i) -> {
                Timestamp oldest = rs.getTimestamp(2);
                double age = oldest == null ? 0 : Math.max(0, (now.getTime() - oldest.getTime()) / 1000.0);
                return new Backlog(rs.getLong(1), age);
            }, now, now);
        }, cache);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aftercare.jobs.due", backlog, b -> b.get().due())
                .description("Jobs due, with retries left, that no node holds").register(registry);
        Gauge.builder("aftercare.jobs.oldest.due.age", backlog, b -> b.get().oldestAgeSeconds()).baseUnit("seconds")
                .description("How long the oldest unheld due job has been due").register(registry);
    }
}
