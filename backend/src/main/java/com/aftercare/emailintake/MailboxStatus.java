package com.aftercare.emailintake;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the last poll of the intake mailbox went, in the database (V43, one row) so that every node and the admin page
 * show the same whichever node polled (ADR 0043; ADR 0036 kept it in each node's memory). What was done with each mail
 * is in the email_intake table.
 */
@Component
class MailboxStatus {

    /** Why the last poll failed (labels "mailError"); the server's own words are in detail. */
    enum ErrorKind {
        SIGN_IN_FAILED, TOKEN_FAILED, CONNECTION_FAILED, FOLDER_NOT_FOUND, MAIL_FAILED, MOVE_FAILED, OTHER
    }

    /** What one poll did: mails by outcome, mails that failed (left for the next poll), mails moved out of the folder. */
    record Counts(int opened, int threaded, int reopened, int followUp, int dropped, int failed, int moved) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        int taken() {
            return opened + threaded + reopened + followUp + dropped;
        }

        Counts with(MailOutcome outcome) {
            return switch (outcome) {
                case OPENED -> new Counts(opened + 1, threaded, reopened, followUp, dropped, failed, moved);
                case THREADED -> new Counts(opened, threaded + 1, reopened, followUp, dropped, failed, moved);
                case REOPENED -> new Counts(opened, threaded, reopened + 1, followUp, dropped, failed, moved);
                case FOLLOW_UP -> new Counts(opened, threaded, reopened, followUp + 1, dropped, failed, moved);
                case DROPPED -> new Counts(opened, threaded, reopened, followUp, dropped + 1, failed, moved);
            };
        }

        Counts withFailed() {
            return new Counts(opened, threaded, reopened, followUp, dropped, failed + 1, moved);
        }

        Counts withMoved(int n) {
            return new Counts(opened, threaded, reopened, followUp, dropped, failed, moved + n);
        }
    }

    record Snapshot(String polledBy, Instant lastPollAt, Instant lastSuccessAt, ErrorKind lastError, String lastErrorDetail,
            Instant lastErrorAt, Counts last) {
    }

    /** This node as the admin page names it (process id @ host name, as the JVM knows it; no DNS lookup). */
    private static final String NODE = cut(ManagementFactory.getRuntimeMXBean().getName(), 100);

    private final JdbcTemplate jdbc;

    MailboxStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot snapshot() {
        return jdbc.queryForObject("select * from mail_intake_status where id = 1", (rs, n) -> new Snapshot(rs.getString("polled_by"),
                instant(rs, "last_poll_at"), instant(rs, "last_success_at"),
                rs.getString("last_error") == null ? null : ErrorKind.valueOf(rs.getString("last_error")), rs.getString("last_error_detail"),
                instant(rs, "last_error_at"), new Counts(rs.getInt("last_opened"), rs.getInt("last_threaded"), rs.getInt("last_reopened"),
                        rs.getInt("last_follow_up"), rs.getInt("last_dropped"), rs.getInt("last_failed"), rs.getInt("last_moved"))));
    }

    /** A poll that reached the mailbox; the last error stays shown (with its time) until the next one. */
    void polled(Instant at, Counts counts) {
        jdbc.update("update mail_intake_status set polled_by = ?, last_poll_at = ?, last_success_at = ?, " + COUNTS
                + ", version = version + 1 where id = 1", NODE, Timestamp.from(at), Timestamp.from(at), counts.opened(), counts.threaded(),
                counts.reopened(), counts.followUp(), counts.dropped(), counts.failed(), counts.moved());
    }

    /** A poll that failed (sign-in, connection), or in which some mail failed: the counts are what it did do. */
    void failed(Instant at, ErrorKind kind, String detail, Counts counts) {
        jdbc.update("update mail_intake_status set polled_by = ?, last_poll_at = ?, last_error = ?, last_error_detail = ?, last_error_at = ?, "
                + COUNTS + ", version = version + 1 where id = 1", NODE, Timestamp.from(at), kind.name(), cut(detail, 300), Timestamp.from(at),
                counts.opened(), counts.threaded(), counts.reopened(), counts.followUp(), counts.dropped(), counts.failed(), counts.moved());
    }

    private static final String COUNTS = "last_opened = ?, last_threaded = ?, last_reopened = ?, last_follow_up = ?, last_dropped = ?, "
            + "last_failed = ?, last_moved = ?";

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
