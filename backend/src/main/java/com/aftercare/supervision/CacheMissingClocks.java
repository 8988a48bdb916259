package com.aftercare.supervision;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.ticket.CacheClocks;

/**
 * Open cases whose clocks were never cached (opened before V55, or by a path that does not run the escalation model)
 * get their board_clock rows before the board counts them; afterwards this is one indexed query that finds nothing.
 * The clocks are only derived here, never evaluated: recording met or missed clocks stays the escalation model's.
 */
@Service
class CacheMissingClocks {

    private static final Logger log = LoggerFactory.getLogger(CacheMissingClocks.class);

    private final JdbcTemplate jdbc;
    private final CacheClocks cacheClocks;
    private final TransactionTemplate tx;

    CacheMissingClocks(JdbcTemplate jdbc, CacheClocks cacheClocks, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cacheClocks = cacheClocks;
        this.tx = new TransactionTemplate(transactions);
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
