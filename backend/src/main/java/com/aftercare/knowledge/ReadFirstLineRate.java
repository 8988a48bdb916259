package com.aftercare.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

import jakarta.persistence.EntityManager;

/**
 * IN-4 "30–50 % solved at the desk": of the cases received in a period, how many were resolved at the first line
 * (the resolution milestone the desk's step records, "Solved at the desk") and how many of those with an article.
 * Read for supervisors and process owners (and the desk, to see how it does).
 */
@Service
public class ReadFirstLineRate {

    /** The figures; rate and articleRate are per cent of received, null when nothing was received. */
    public record FirstLineRate(Instant from, Instant to, long received, long solvedAtDesk, long solvedFromArticle,
            Double rate, Double articleRate) {
    }

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
        long received = count("select count(*) from ticket t where t.received_at >= ?1 and t.received_at < ?2", start, end);
        long atDesk = count("select count(distinct m.ticket_id) from sla_milestone m join ticket t on t.id = m.ticket_id"
                + " where m.kind = 'RESOLVED' and m.detail = 'Solved at the desk'"
                + " and t.received_at >= ?1 and t.received_at < ?2", start, end);
        long fromArticle = count("select count(*) from kb_article_use u join ticket t on t.id = u.ticket_id"
                + " where t.received_at >= ?1 and t.received_at < ?2", start, end);
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
