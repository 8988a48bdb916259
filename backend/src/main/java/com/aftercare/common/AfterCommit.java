package com.aftercare.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the surrounding transaction has committed, or at once outside a transaction. Metrics count
 * what happened (a case reported, an escalation sent): a report refused with a 400 or a job rolled back and retried
 * must not move a counter, or the dashboard would show cases and escalations that do not exist (ADR 0055).
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
