package com.aftercare.supervision;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.ticket.CacheClocks;

/**
 * Open cases whose clocks were never cached (opened before V55, or by a path that does not run the escalation model)
 * get their board_clock rows: once as the application starts, then every minute (one query over a partial index
 * that finds nothing). It ran at the start of every board request before, so a GET wrote (a read that writes; on a
 * read-only replica or under a read-only transaction it would fail, and two supervisors' refreshes raced for the
 * same rows). Until the sweep reaches such a case the board lists it (its row is replayed) but the per-clock counts
 * leave it out. The clocks are only derived here, never evaluated: recording met or missed clocks stays the
 * escalation model's.
 */
@Service
class CacheMissingClocks {

    private static final Logger log = LoggerFactory.getLogger(CacheMissingClocks.class);

    private final JdbcTemplate jdbc;
    private final CacheClocks cacheClocks;
    private final TransactionTemplate tx;

    private final boolean enabled;

    CacheMissingClocks(JdbcTemplate jdbc, CacheClocks cacheClocks, PlatformTransactionManager transactions,
            @Value("${aftercare.board.clock-sweep-enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.cacheClocks = cacheClocks;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Off in the tests, which run the sweep themselves when they want it (as the agent watch). */
    @Scheduled(fixedDelayString = "${aftercare.board.clock-sweep-interval-ms:60000}", initialDelay = 0)
    void sweep() {
        if (enabled) {
            run();
        }
    }

    void run() {
        List<Long> ids = jdbc.queryForList(
                "select id from ticket where clocks_cached_at is null and status <> 'CLOSED' order by id", Long.class);
        for (Long id : ids) {
            try {
                tx.executeWithoutResult(s -> cacheClocks.refresh(id));
            } catch (RuntimeException e) {
                // another node or request cached it at the same moment: its rows are as good as ours
                log.debug("Clocks of ticket {} not cached here: {}", id, e.toString());
            }
        }
    }
}
