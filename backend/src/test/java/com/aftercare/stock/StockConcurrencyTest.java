package com.aftercare.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.ConflictException;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;

/**
 * Two issues race for the last unit, each in its own thread and its own real transaction: one gets it, the other
 * 409, and the stock is 0, never -1. Runs on H2 in the default suite and on PostgreSQL in the PostgreSQL suite
 * (mvn -Ppostgres, spring profile postgres: README "Tests"). The database itself refuses: the batch's conditional
 * update, backed by the CHECK (remaining >= 0) of V27.
 */
class StockConcurrencyTest extends IntegrationTest {

    private static final Actor KEEPER = new Actor("t-admin", Set.of(Role.ADMIN));
    private static final Actor SUPERVISOR = new Actor("t-sup", Set.of(Role.SUPERVISOR));
    private static final Actor ENGINEER = new Actor("t-eng", Set.of(Role.ENGINEER));

    @Autowired AddWarehouse addWarehouse;
    @Autowired AddPart addPart;
    @Autowired ReceiveStock receiveStock;
    @Autowired RequestParts requestParts;
    @Autowired DecideRequisition decideRequisition;
    @Autowired IssueParts issueParts;
    @Autowired TransferParts transferParts;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private long[] lastUnitAndTwoApprovedRequisitions() {
        String tag = "C" + System.nanoTime();
        long warehouse = addWarehouse.add(KEEPER, new AddWarehouse.NewWarehouse("W-" + tag, "Store " + tag));
        long part = addPart.add(KEEPER, new AddPart.NewPart("PN-" + tag, "NVR disk", "4TB", "pcs", 0));
        receiveStock.receive(KEEPER, new ReceiveStock.Receipt(part, warehouse, 1, LocalDate.now(clock), null, null));
        long first = requestParts.request(ENGINEER, new RequestParts.PartRequest(part, warehouse, 1, null, null));
        long second = requestParts.request(ENGINEER, new RequestParts.PartRequest(part, warehouse, 1, null, null));
        decideRequisition.decide(SUPERVISOR, first, new DecideRequisition.RequisitionDecision(true, null));
        decideRequisition.decide(SUPERVISOR, second, new DecideRequisition.RequisitionDecision(true, null));
        return new long[] { part, first, second };
    }

    private int stockOf(long part) {
        return jdbc.queryForObject("select sum(remaining) from stock_batch where part_id = ?", Integer.class, part);
    }

    /**
     * The first issue takes the unit and holds its transaction open while the second runs (and waits on the row);
     * then the first commits. The second finds nothing left: 409, and nothing of it is written.
     */
    @Test
    void twoIssuesForTheLastUnitOneGetsItTheOtherIs409() throws Exception {
        long[] ids = lastUnitAndTwoApprovedRequisitions();
        long part = ids[0];
        CountDownLatch firstTookIt = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        Future<?> first = threads.submit(() -> tx.executeWithoutResult(status -> {
            issueParts.issue(KEEPER, ids[1]);
            firstTookIt.countDown();
            try {
                // keep the lock while the second issue reaches the same batch
                secondStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstTookIt.await(20, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> {
            secondStarted.countDown();
            issueParts.issue(KEEPER, ids[2]);
        });

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        assertThat(stockOf(part)).isZero();
        assertThat(jdbc.queryForObject("select status from stock_requisition where id = ?", String.class, ids[1])).isEqualTo("ISSUED");
        assertThat(jdbc.queryForObject("select status from stock_requisition where id = ?", String.class, ids[2])).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where part_id = ? and kind = 'ISSUE'", Integer.class, part))
                .isEqualTo(1);
    }

    /** Both at once, as two phones would: whatever the interleaving, exactly one is issued and stock ends at 0. */
    @Test
    void twoIssuesStartedTogetherLeaveZeroNotMinusOne() throws Exception {
        long[] ids = lastUnitAndTwoApprovedRequisitions();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> both = List.of(ids[1], ids[2]).stream().map(id -> threads.submit(() -> {
            go.await();
            try {
                issueParts.issue(KEEPER, id);
                return true;
            } catch (ConflictException e) {
                return false;
            }
        })).toList();
        go.countDown();
        int issued = 0;
        for (Future<Boolean> f : both) {
            issued += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(issued).isEqualTo(1);
        assertThat(stockOf(ids[0])).isZero();
    }

    /**
     * A transfer to another warehouse and an issue race for the last unit (FW-6, ADR 0105): one has it, the other is a
     * 409, the stock is 0, and a refused transfer leaves no transfer row and no ledger line behind.
     */
    @Test
    void aTransferAndAnIssueForTheLastUnitOneGetsItAndNothingIsLeftHalfWritten() throws Exception {
        long[] ids = lastUnitAndTwoApprovedRequisitions();
        long part = ids[0];
        long from = jdbc.queryForObject("select warehouse_id from stock_batch where part_id = ?", Long.class, part);
        long to = addWarehouse.add(KEEPER, new AddWarehouse.NewWarehouse("T-" + System.nanoTime(), "County point"));
        CountDownLatch go = new CountDownLatch(1);
        Future<Boolean> issue = threads.submit(() -> {
            go.await();
            try {
                issueParts.issue(KEEPER, ids[1]);
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
        Future<Boolean> transfer = threads.submit(() -> {
            go.await();
            try {
                transferParts.ship(KEEPER, new TransferParts.NewTransfer(part, from, to, 1, null));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
        go.countDown();
        boolean issued = issue.get(30, TimeUnit.SECONDS);
        boolean shipped = transfer.get(30, TimeUnit.SECONDS);
        assertThat(issued ^ shipped).as("exactly one of them has the unit").isTrue();
        assertThat(stockOf(part)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stock_transfer where part_id = ?", Integer.class, part))
                .isEqualTo(shipped ? 1 : 0);
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where part_id = ? and kind <> 'RECEIPT'",
                Integer.class, part)).isEqualTo(1);
    }

    /** The last line of defence: the database itself refuses a negative remaining quantity. */
    @Test
    void theDatabaseRefusesNegativeStock() {
        long[] ids = lastUnitAndTwoApprovedRequisitions();
        assertThatThrownBy(() -> jdbc.update("update stock_batch set remaining = -1 where part_id = ?", ids[0]))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(stockOf(ids[0])).isEqualTo(1);
    }
}
