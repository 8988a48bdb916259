package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NativeQueryTimes;

/**
 * What the features that judge a device by its history (repeat repairs RR-5, repeated failures RR-6) ask of its cases.
 * Each question is answered by the database and bounded (ADR 0057): reading the device's whole history made every
 * report on a busy device (a camera alarming daily, a monitored link) slower than the last, and left every one of its
 * tickets managed in the report's transaction, dirty-checked at each flush. A summary only: the ticket itself stays
 * with this feature.
 */
@Service
public class DeviceCases {

    private final TicketRepository tickets;
    @PersistenceContext
    private EntityManager entityManager;

    DeviceCases(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public record DeviceCase(long id, String number, Category category, Instant receivedAt, Instant resolvedAt,
            Instant closedAt) {
    }

    /** What the warranty step asks of a device at each report: its case of the category closed last and its recent cases. */
    public record History(Optional<DeviceCase> lastClosed, int received) {
    }

    /**
     * The device's case of {@code closedCategory}, other than {@code ticketId}, closed last at or before {@code at} (of
     * two closed at the same instant, the one reported first; none when closedCategory is null), and how many of its
     * other cases of {@code receivedCategory} were received in [from, to], counted up to {@code atMost} (a caller that
     * asks "at least n?" need not count a long history). {@code ticketId} itself is left out of both answers: the
     * caller has it in hand and counts it itself, and while it is being reported its row is not written yet (ADR 0090).
     * The two bounded questions of ADR 0057 as the two halves of one UNION ALL, each with its own order and limit, so
     * a report asks the database once (ADR 0065). A native query still flushes the transaction's pending changes first,
     * as the two JPQL queries did, so other cases changed in this transaction are read as changed.
     */
    @Transactional(readOnly = true)
    public History history(long deviceId, Category closedCategory, long ticketId, Instant at, Category receivedCategory,
            Instant from, Instant to, int atMost) {
        return history(deviceId, closedCategory, ticketId, at, receivedCategory, from, to, atMost, false);
    }

    /**
     * As above; {@code opening}: {@code ticketId}'s case is being opened ({@link com.aftercare.sla.CaseOpening}), so
     * the query runs without flushing the transaction's pending changes first (ADR 0074): what it reads (other
     * tickets' device, category, receipt and closing) is already in the database, and a flush here would write the
     * new ticket's row before its opening decided its level and clocks, and update it again at commit (ADR 0090).
     */
    @Transactional(readOnly = true)
    public History history(long deviceId, Category closedCategory, long ticketId, Instant at, Category receivedCategory,
            Instant from, Instant to, int atMost, boolean opening) {
        if (atMost < 1 || atMost > 100) {
            throw new IllegalArgumentException("atMost " + atMost);
        }
        // closed_at >= the epoch rather than "is not null": H2 sorts NULL first in an index, so a range that has only an
        // upper bound walks every open case of the device (ix_ticket_device_category_closed, V68) before the first closed
        // one; with a lower bound it starts at the first closing. No case was closed before 1970.
        // the limit as a literal: H2 has answered a cached statement with the limit of its first call (ADR 0064)
        String sql = """
                select * from (
                  (select 1 as part, t.id, t.number, t.category, t.received_at, t.resolved_at, t.closed_at from ticket t
                    where t.device_id = :device and t.category = :closedCategory and t.id <> :ticket
                      and t.closed_at >= :closedFrom and t.closed_at <= :at
                    order by t.closed_at desc, t.received_at, t.id fetch first 1 rows only)
                  union all
                  (select 2 as part, t.id, null, null, null, null, null from ticket t
                    where t.device_id = :device and t.category = :receivedCategory and t.id <> :ticket
                      and t.received_at >= :from and t.received_at <= :to
                    fetch first %d rows only)
                ) h""".formatted(atMost);
        @SuppressWarnings("unchecked")
        jakarta.persistence.Query query = entityManager.createNativeQuery(sql);
        if (opening) {
            query.setFlushMode(FlushModeType.COMMIT);
        }
        List<Object[]> rows = query
                .setParameter("device", deviceId)
                .setParameter("closedCategory", closedCategory == null ? "" : closedCategory.name())
                .setParameter("ticket", ticketId)
                .setParameter("closedFrom", Instant.EPOCH)
                .setParameter("at", at)
                .setParameter("receivedCategory", receivedCategory.name())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Optional<DeviceCase> closed = Optional.empty();
        int received = 0;
        for (Object[] r : rows) {
            if (((Number) r[0]).intValue() == 1) {
                closed = Optional.of(new DeviceCase(((Number) r[1]).longValue(), (String) r[2], Category.valueOf((String) r[3]),
                        NativeQueryTimes.instant(r[4]), NativeQueryTimes.instant(r[5]), NativeQueryTimes.instant(r[6])));
            } else {
                received++;
            }
        }
        return new History(closed, received);
    }

}
