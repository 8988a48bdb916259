package com.aftercare.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/** Reading and verifying the audit trail. Writing is {@link AuditChainWriter}'s alone. */
@Service
public class AuditService {

    public static final String ROW_CHANGED = "hash mismatch: row changed";
    public static final String ROW_DELETED = "sequence gap: row deleted";
    public static final String PREVIOUS_HASH = "previous hash mismatch";
    /** The chain head row disagrees with the last entry: the head or the last entry was rewritten. */
    public static final String HEAD_MISMATCH = "chain head mismatch";
    /** The entry at an anchored sequence number no longer has the hash recorded outside the database. */
    public static final String ANCHOR_MISMATCH = "anchor mismatch: chain rewritten";

    private static final int PAGE = 1000;
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditEntryRepository entries;
    private final AuditReaderScope scope;
    private final JdbcTemplate jdbc;
    private final ReadTrailAsCustomer customerTrail;

    AuditService(AuditEntryRepository entries, AuditReaderScope scope, JdbcTemplate jdbc, ReadTrailAsCustomer customerTrail) {
        this.entries = entries;
        this.scope = scope;
        this.jdbc = jdbc;
        this.customerTrail = customerTrail;
    }

    public record Filter(String entityType, String entityId, Long customerId, Long ticketId, Instant from, Instant to) {
    }

    /**
     * One entry as the reader may see it. For a customer's user {@code actor}, {@code prevHash} and
     * {@code entryHash} are null and {@code changes} holds only what their case file shows (ReadTrailAsCustomer).
     */
    public record Line(long seq, Instant occurredAt, String actor, String entityType, String entityId, String action, String changes,
            Long customerId, Long ticketId, String prevHash, String entryHash) {

        static Line of(AuditEntry e) {
            return new Line(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getEntityType(), e.getEntityId(), e.getAction(),
                    e.getChanges(), e.getCustomerId(), e.getTicketId(), e.getPrevHash(), e.getEntryHash());
        }
    }

    /** Entries matching the filter, restricted to what the current reader may see. */
    @Transactional(readOnly = true)
    public Page<Line> search(Filter f, Pageable page) {
        Long restriction = scope.customerRestriction().orElse(null);
        if (f.entityType() != null && !AuditedTables.tables().contains(f.entityType())) {
            throw new BadRequestException("entityType", "one of " + new java.util.TreeSet<>(AuditedTables.tables()));
        }
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw new BadRequestException("to", "must be after from");
        }
        Filter bounded = new Filter(f.entityType(), f.entityId(), f.customerId(), f.ticketId(), f.from() == null ? BEGINNING : f.from(),
                f.to() == null ? END : f.to());
        if (restriction != null) {
            return customerTrail.read(bounded, restriction, page);
        }
        return entries.search(bounded.entityType(), bounded.entityId(), bounded.customerId(), null, bounded.ticketId(), bounded.from(),
                bounded.to(), page).map(Line::of);
    }

    public record BadEntry(long seq, String reason) {
    }

    /**
     * The outcome of a verification. {@code entries}: how many entries were read; {@code headSeq} and
     * {@code headHash}: the chain head, to be recorded outside the database (the anchor).
     */
    public record Verification(boolean ok, long entries, BadEntry firstBadEntry, Long headSeq, String headHash) {
    }

    /** A sequence number and the hash its entry had when it was recorded outside the database. */
    public record Anchor(long seq, String hash) {

        /** "SEQ:HASH", as the verify command prints it. */
        public static Optional<Anchor> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String[] parts = text.trim().split(":");
            if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                throw new BadRequestException("anchor", "SEQ:HASH with the 64 hex digits of an entry hash");
            }
            try {
                return Optional.of(new Anchor(Long.parseLong(parts[0]), parts[1]));
            } catch (NumberFormatException e) {
                throw new BadRequestException("anchor", "SEQ:HASH with the 64 hex digits of an entry hash");
            }
        }
    }

    private record Row(long seq, Instant occurredAt, String actor, String entityType, String entityId, String action, String changes,
            Long customerId, Long ticketId, String prevHash, String entryHash) {

        AuditHash.Fields fields() {
            return new AuditHash.Fields(seq, occurredAt, actor, entityType, entityId, action, changes, customerId, ticketId, prevHash);
        }
    }

    /**
     * Reads the whole chain in order, in one snapshot (repeatable read: the head and the rows agree even
     * while others append), and checks every link: no sequence number missing, every hash recomputes,
     * every entry names its predecessor's hash, and the head row matches the last entry.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Optional<Anchor> anchor) {
        Object[] head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) });
        long headSeq = (Long) head[0];
        String headHash = (String) head[1];

        long expected = 1;
        String previous = AuditHash.GENESIS;
        long count = 0;
        BadEntry bad = null;
        boolean anchorSeen = false;
        List<Row> rows;
        do {
            rows = jdbc.query("""
                    select seq, occurred_at, actor, entity_type, entity_id, action, changes, customer_id, ticket_id, prev_hash, entry_hash
                    from audit_log where seq >= ? order by seq fetch first %d rows only""".formatted(PAGE),
                    (rs, i) -> new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8, Long.class),
                            (Long) rs.getObject(9, Long.class), rs.getString(10), rs.getString(11)),
                    expected);
            for (Row row : rows) {
                count++;
                if (bad == null) {
                    if (row.seq() != expected) {
                        bad = new BadEntry(expected, ROW_DELETED);
                    } else if (!AuditHash.of(row.fields()).equals(row.entryHash())) {
                        bad = new BadEntry(row.seq(), ROW_CHANGED);
                    } else if (!row.prevHash().equals(previous)) {
                        bad = new BadEntry(row.seq(), PREVIOUS_HASH);
                    } else if (anchor.isPresent() && anchor.get().seq() == row.seq() && !anchor.get().hash().equals(row.entryHash())) {
                        bad = new BadEntry(row.seq(), ANCHOR_MISMATCH);
                    }
                }
                if (anchor.isPresent() && anchor.get().seq() == row.seq()) {
                    anchorSeen = true;
                }
                expected = row.seq() + 1;
                previous = row.entryHash();
            }
        } while (rows.size() == PAGE);

        long lastSeq = expected - 1;
        if (bad == null) {
            if (headSeq > lastSeq) {
                bad = new BadEntry(lastSeq + 1, ROW_DELETED); // the newest entries are gone, the head still counts them
            } else if (headSeq < lastSeq || !headHash.equals(previous)) {
                bad = new BadEntry(headSeq, HEAD_MISMATCH);
            } else if (anchor.isPresent() && !anchorSeen) {
                bad = new BadEntry(anchor.get().seq(), ROW_DELETED);
            }
        }
        return new Verification(bad == null, count, bad, headSeq, headHash);
    }
}
