package com.aftercare.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

import jakarta.persistence.EntityManager;

/**
 * IN-4 "30–50 % solved at the desk": of the fault reports received in a period, how many were resolved at the first
 * line (the resolution milestone the desk's step records, "Solved at the desk") and how many of those with an article.
 * Only fault reports count (request type FAULT, as the KPI dashboard's first-line figure, {@code kpi.KpiCalculator}):
 * the contract's 30–50 % is of "故障支持请求", and consultations, complaints and service requests are answered at the
 * desk by their own models (the same milestone), so counting them would lift the rate without any fault being fixed.
 * Read for supervisors and process owners (and the desk, to see how it does).
 */
@Service
public class ReadFirstLineRate {

    /** The figures; rate and articleRate are per cent of received, null when nothing was received. */
    public record FirstLineRate(Instant from, Instant to, long received, long solvedAtDesk, long solvedFromArticle,
            Double rate, Double articleRate) {
    }

    /** The fault reports received in [?1, ?2). */
    private static final String FAULTS_RECEIVED = "t.request_type = 'FAULT' and t.received_at >= ?1 and t.received_at < ?2";

    private final EntityManager em;
    private final Clock clock;

    ReadFirstLineRate(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FirstLineRate read(Instant from, Instant to) {
        Writers.current().require(java.util.Set.of(com.aftercare.identity.Role.SUPERVISOR,
                com.aftercare.identity.Role.PROCESS_OWNER, com.aftercare.identity.Role.SERVICE_DESK,
                com.aftercare.identity.Role.ADMIN), "read the first-line figures");
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new BadRequestException("from", "must be before to");
        }
        long received = count("select count(*) from ticket t where " + FAULTS_RECEIVED, start, end);
        long atDesk = count("select count(distinct m.ticket_id) from sla_milestone m join ticket t on t.id = m.ticket_id"
                + " where m.kind = 'RESOLVED' and m.detail = 'Solved at the desk' and " + FAULTS_RECEIVED, start, end);
        long fromArticle = count("select count(*) from kb_article_use u join ticket t on t.id = u.ticket_id where "
                + FAULTS_RECEIVED, start, end);
        return new FirstLineRate(start, end, received, atDesk, fromArticle, percent(atDesk, received),
                percent(fromArticle, received));
    }

    private long count(String sql, Instant from, Instant to) {
        Object n = em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getSingleResult();
        return ((Number) n).longValue();
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
