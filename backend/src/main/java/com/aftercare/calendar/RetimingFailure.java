package com.aftercare.calendar;

import java.time.DateTimeException;
import java.time.zone.ZoneRulesException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What kind of failure kept a case from being re-timed, or made a re-timing give up (ADR 0086): chosen from the
 * exception when it happens and stored as its name, so the working calendar's page can say it in the reader's language
 * (labels holidays.reasons.*) while the English error text stays in the table and the log. The name is the API's value:
 * renaming one breaks the rows already stored and the page's words for it.
 */
public enum RetimingFailure {
    /** The case's contract names a time zone Java does not know (an operator's typing mistake). */
    CASE_TIME_ZONE,
    /** The case's times cannot be computed (a date out of range, a broken working-hours setting). */
    CASE_TIMES,
    /** The case's rows contradict a database rule (a missing or duplicate row). */
    CASE_DATA,
    /** Someone changed the case at that very moment; another try usually works. */
    CONCURRENT_CHANGE,
    /** The database could not be reached or did not answer in time. */
    DATABASE_UNAVAILABLE,
    /** The process engine refused to move the case's escalation timers. */
    PROCESS_ENGINE,
    /** The holiday document stored with the re-timing cannot be read. */
    HOLIDAY_DOCUMENT,
    /** Its runs stopped without a word, each time at the same point (a node that died in it). */
    NODE_STOPPED,
    /** Anything else: the server log has it. */
    OTHER;

    /** The first kind recognised from the error outwards-in along its causes, else {@link #OTHER}. */
    public static RetimingFailure of(Throwable error) {
        int depth = 0;
        for (Throwable e = error; e != null && depth < 20; e = e.getCause(), depth++) {
            RetimingFailure kind = one(e);
            if (kind != null) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Reads a stored name; a row written before the codes (null) or an unknown name reads as {@link #OTHER}. */
    static RetimingFailure named(String name) {
        if (name == null) {
            return OTHER;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }

    private static RetimingFailure one(Throwable e) {
        if (e instanceof ZoneRulesException) {
            return CASE_TIME_ZONE;
        }
        if (e instanceof HolidayDataException) {
            return HOLIDAY_DOCUMENT;
        }
        if (e instanceof DateTimeException || e instanceof ArithmeticException) {
            return CASE_TIMES;
        }
        if (e instanceof ConcurrencyFailureException || e.getClass().getName().equals("jakarta.persistence.OptimisticLockException")) {
            return CONCURRENT_CHANGE;
        }
        if (e instanceof DataAccessResourceFailureException || e instanceof QueryTimeoutException
                || e instanceof TransientDataAccessException || e instanceof CannotCreateTransactionException
                || e instanceof java.sql.SQLTransientConnectionException) {
            return DATABASE_UNAVAILABLE;
        }
        if (e instanceof DataIntegrityViolationException) {
            return CASE_DATA;
        }
        // by name: the calendar feature does not import the engine (ArchitectureTest's allow-list)
        if (e.getClass().getName().startsWith("org.camunda.bpm.engine.")) {
            return PROCESS_ENGINE;
        }
        return null;
    }
}
