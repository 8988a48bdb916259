package com.aftercare.common;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Whether a failure only means "the database was busy with a twin of this request": a row lock not granted in time
 * or a deadlock victim. Such a request did nothing (its transaction rolled back) and is safe to send again, so the
 * caller hears 503 with Retry-After, not a 500 that tells a monitoring system its alarm was lost.
 */
final class BusyDatabase {

    /** H2 lock timeout, serialization failure/deadlock (H2 and PostgreSQL), PostgreSQL deadlock and lock not available. */
    private static final Set<String> LOCK_STATES = Set.of("HYT00", "40001", "40P01", "55P03");

    private BusyDatabase() {
    }

    static boolean isLockWait(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && LOCK_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
