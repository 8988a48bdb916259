package com.aftercare.calendar;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.aftercare.common.ConflictException;

/**
 * An admin asks for another try at a re-timing given up (ADR 0083): whatever failed every time (the database, a bug,
 * data an operator has since repaired) may work now, and without this the only way back would be SQL. The re-timing is
 * owed again with a fresh count of attempts, from where it stopped; this node looks at once, on the re-timing's own
 * thread, and any other node within its next look. Cases it skipped stay skipped: they are listed for checking by hand.
 */
@Service
public class RetryRetiming {

    private static final Logger log = LoggerFactory.getLogger(RetryRetiming.class);

    private final OwedRetimings owed;
    private final RecoverOwedRetiming recovery;

    RetryRetiming(OwedRetimings owed, RecoverOwedRetiming recovery) {
        this.owed = owed;
        this.recovery = recovery;
    }

    /** 409 when the re-timing is not given up (finished, still owed, or no such re-timing). */
    @Transactional
    public void retry(long id, String by) {
        if (!owed.retry(id)) {
            throw ConflictException.of("retimingNotGivenUp", Map.of("id", id));
        }
        log.info("{} asked for another try at the re-timing of open cases owed by holiday import {}", by, id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recovery.look();
            }
        });
    }
}
