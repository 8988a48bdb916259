package com.aftercare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.EditDevice;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.support.AuditTampering;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;

/**
 * The chain itself: same-transaction writing, the injected clock, which entities are covered, and
 * what verification catches (and, honestly, what it only catches with an anchor).
 */
class AuditTrailTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired AuditService audit;
    @Autowired AuditChangeListener listener;
    @Autowired TransactionTemplate transaction;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired EditDevice editDevice;
    AuditTampering chain;

    @BeforeEach
    void tampering() {
        chain = new AuditTampering(jdbc);
    }

    AuditService.Verification verify() {
        return audit.verify(Optional.empty());
    }

    @Test
    void anEntryIsWrittenExactlyWhenItsChangeCommits() {
        long head = chain.headSeq();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            assets.createCustomer("Rolled back " + System.nanoTime()); // inserted and flushed (identity id) ...
            throw new BadRequestException("name", "... then the request is refused");
        })).isInstanceOf(BadRequestException.class);
        assertThat(chain.headSeq()).isEqualTo(head);
        assertThat(chain.entriesAfter(head)).isEmpty();
        assertThat(listener.sessionsWithPendingChanges()).isZero();

        String name = "Committed " + System.nanoTime();
        Long id = transaction.execute(status -> assets.createCustomer(name).getId());
        assertThat(chain.entriesAfter(head)).singleElement().satisfies(e -> {
            assertThat(e.get("entity_type")).isEqualTo("customer");
            assertThat(e.get("entity_id")).isEqualTo(id.toString());
            assertThat(e.get("action")).isEqualTo("CREATE");
            assertThat(e.get("actor")).isEqualTo("system"); // nobody signed in: a start-up or engine thread
            assertThat(((Number) e.get("customer_id")).longValue()).isEqualTo(id);
            assertThat((String) e.get("changes")).contains("\"name\":{\"before\":null,\"after\":\"" + name + "\"}");
        });
        assertThat(listener.sessionsWithPendingChanges()).isZero();
    }

    /**
     * ADR 0093: on PostgreSQL up to {@link AuditChainWriter#MOST_ROWS_WITH_HEAD} entries go with the head's new hash in
     * one statement, more as a batch and an update (H2: always the latter). Both sizes chain whole: every entry in
     * order, the head at the last one's hash, the trail verifying.
     */
    @Test
    void aTransactionsEntriesChainWholeWhetherFewOrMany() {
        for (int count : new int[] {2, AuditChainWriter.MOST_ROWS_WITH_HEAD, AuditChainWriter.MOST_ROWS_WITH_HEAD + 6}) {
            long head = chain.headSeq();
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    assets.createCustomer("Chained " + count + "-" + i + " " + System.nanoTime());
                }
            });
            var entries = chain.entriesAfter(head);
            assertThat(entries).as("entries of a transaction of %d changes", count).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(((Number) entries.get(i).get("seq")).longValue()).isEqualTo(head + 1 + i);
                assertThat(entries.get(i).get("prev_hash")).isEqualTo(i == 0 ? chain.row(head).get("entry_hash")
                        : entries.get(i - 1).get("entry_hash"));
            }
            assertThat(chain.headSeq()).isEqualTo(head + count);
            assertThat(chain.headHash()).isEqualTo(entries.get(count - 1).get("entry_hash"));
        }
        assertThat(verify().ok()).isTrue();
    }

    /**
     * ADR 0095: an entry owned through its site (here a device's) names the customer of the site its row names, read
     * from the site the transaction holds when it has it (a creation, a move) and asked of the database when it does
     * not (a change that never loaded the site): the same owner either way.
     */
    @Test
    void anEntryOwnedThroughItsSiteNamesThatSitesCustomerWhetherTheSiteWasAtHandOrNot() {
        Customer first = assets.createCustomer("Owner A " + System.nanoTime());
        Customer second = assets.createCustomer("Owner B " + System.nanoTime());
        Site siteOfFirst = assets.createSite(new NewSite(first.getId(), "Owner site A", "Road A", Region.CITY, null, null));
        Site siteOfSecond = assets.createSite(new NewSite(second.getId(), "Owner site B", "Road B", Region.CITY, null, null));

        long head = chain.headSeq();
        NewDevice camera = new NewDevice(siteOfFirst.getId(), DeviceType.CAMERA, "Owner camera", "X", "OWN-" + System.nanoTime(),
                "10.61.0.9", null, null, null, false);
        long deviceId = assets.createDevice(camera).getId(); // the creation loads the site to check it
        assertThat(ownerOfTheOnlyDeviceEntryAfter(head, deviceId)).isEqualTo(first.getId());

        head = chain.headSeq();
        transaction.executeWithoutResult(status -> {
            Device device = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory).find(Device.class, deviceId);
            device.changeProbe("10.61.0.10", null, null);
            assertThat(Hibernate.isInitialized(device.getSite())).as("this transaction never loads the site").isFalse();
        });
        assertThat(ownerOfTheOnlyDeviceEntryAfter(head, deviceId)).isEqualTo(first.getId());

        head = chain.headSeq();
        editDevice.edit(deviceId, new NewDevice(siteOfSecond.getId(), DeviceType.CAMERA, "Owner camera", "X", camera.serialNumber(),
                "10.61.0.10", null, null, null, false)); // moved to the other customer's site
        assertThat(ownerOfTheOnlyDeviceEntryAfter(head, deviceId)).isEqualTo(second.getId());
        assertThat(verify().ok()).isTrue();
    }

    private long ownerOfTheOnlyDeviceEntryAfter(long head, long deviceId) {
        var entries = chain.entriesAfter(head).stream()
                .filter(e -> "device".equals(e.get("entity_type")) && String.valueOf(deviceId).equals(e.get("entity_id"))).toList();
        assertThat(entries).hasSize(1);
        return ((Number) entries.get(0).get("customer_id")).longValue();
    }

    @Test
    void theTimeComesFromTheInjectedClock() {
        Instant fixed = clock.instant().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        clock.set(fixed);
        long head = chain.headSeq();
        report(Category.DEFECT);
        assertThat(chain.entriesAfter(head)).isNotEmpty().allSatisfy(e -> assertThat(instant(e.get("occurred_at"))).isEqualTo(fixed));
    }

    @Test
    void everyEntityIsEitherAuditedOrListedWithAReasonWhyNot() {
        SessionFactoryImplementor factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        Set<String> tables = new HashSet<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(
                p -> tables.add(((AbstractEntityPersister) p).getTableName().toLowerCase(java.util.Locale.ROOT)));
        assertThat(tables).as("a new entity must be added to AuditedTables.TABLES or NOT_AUDITED")
                .allMatch(t -> AuditedTables.tables().contains(t) || AuditedTables.NOT_AUDITED.containsKey(t));
        assertThat(tables).containsAll(AuditedTables.tables());
        assertThat(AuditedTables.tables()).doesNotContainAnyElementsOf(AuditedTables.NOT_AUDITED.keySet());
    }

    @Test
    void webhookKeysAndSecretsAreMaskedButTheirChangeStillShows() {
        assertThat(AuditedTables.mask("password_hash", "{bcrypt}$2a$10$abc")).isEqualTo("***");
        assertThat(AuditedTables.mask("sign_secret", "SEC123")).isEqualTo("***");
        assertThat(AuditedTables.mask("endpoint_url", "https://h/p?key=1")).isEqualTo("***");
        assertThat(AuditedTables.mask("name", "plain")).isEqualTo("plain");

        PendingChange rotated = new PendingChange("service_contract", "1", "t-admin", PendingChange.Action.UPDATE,
                Map.of("wecom_webhook_url", "https://q/send?key=old", "dingtalk_secret", "old"),
                Map.of("wecom_webhook_url", "https://q/send?key=new", "dingtalk_secret", "new"));
        assertThat(rotated.changes()).containsOnlyKeys("dingtalk_secret", "wecom_webhook_url");
        assertThat(AuditChainWriter.toJson(rotated.changes())).doesNotContain("old").doesNotContain("new");
    }

    @Test
    void severalFlushesOfOneEntityInOneTransactionAreOneEntryFromTheFirstBeforeToTheLastAfter() {
        Map<String, Object> loaded = new java.util.HashMap<>();
        loaded.put("hold_reason", null);
        loaded.put("status", "AT_DESK");
        loaded.put("response_due", "T1");
        Map<String, Object> held = new java.util.HashMap<>(loaded);
        held.put("hold_reason", "WAITING_CUSTOMER");
        Map<String, Object> recomputed = new java.util.HashMap<>(held);
        recomputed.put("response_due", null);
        PendingChange first = new PendingChange("ticket", "7", "t-desk", PendingChange.Action.UPDATE, loaded, held);
        assertThat(first.absorb(new PendingChange("ticket", "7", "t-desk", PendingChange.Action.UPDATE, held, recomputed))).isTrue();
        assertThat(AuditChainWriter.toJson(first.changes())).isEqualTo(
                "{\"hold_reason\":{\"before\":null,\"after\":\"WAITING_CUSTOMER\"},\"response_due\":{\"before\":\"T1\",\"after\":null}}");

        PendingChange created = new PendingChange("site", "3", "t-desk", PendingChange.Action.CREATE, Map.of(), Map.of("name", "a"));
        assertThat(created.absorb(new PendingChange("site", "3", "t-desk", PendingChange.Action.DELETE, Map.of("name", "a"), Map.of())))
                .as("created and deleted in one transaction: nothing was ever committed").isFalse();
    }

    @Test
    void deletingTheNewestEntriesIsAGapAgainstTheChainHead() {
        report(Category.DEFECT);
        long last = chain.headSeq();
        try (AuditTampering.Undo undo = chain.delete(last)) {
            AuditService.Verification v = verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBadEntry()).isEqualTo(new AuditService.BadEntry(last, AuditService.ROW_DELETED));
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkFromTheNextOne() {
        report(Category.DEFECT);
        long entry = chain.headSeq() - 1;
        Map<String, Object> row = chain.row(entry);
        String forged = AuditHash.of(new AuditHash.Fields(entry, instant(row.get("occurred_at")), "nobody", (String) row.get("entity_type"),
                (String) row.get("entity_id"), (String) row.get("action"), (String) row.get("changes"), asLong(row.get("customer_id")),
                asLong(row.get("ticket_id")), (String) row.get("prev_hash")));
        try (AuditTampering.Undo actor = chain.update(entry, "actor", "nobody"); AuditTampering.Undo hash = chain.update(entry, "entry_hash", forged)) {
            assertThat(verify().firstBadEntry()).isEqualTo(new AuditService.BadEntry(entry + 1, AuditService.PREVIOUS_HASH));
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void rewritingTheNewestEntryAndTheHeadPassesUnlessAnAnchorWasKept() {
        report(Category.DEFECT);
        long last = chain.headSeq();
        AuditService.Anchor anchor = new AuditService.Anchor(last, chain.headHash()); // what was printed and kept outside
        assertThat(audit.verify(Optional.of(anchor)).ok()).isTrue();

        Map<String, Object> row = chain.row(last);
        String forged = AuditHash.of(new AuditHash.Fields(last, instant(row.get("occurred_at")), "nobody", (String) row.get("entity_type"),
                (String) row.get("entity_id"), (String) row.get("action"), (String) row.get("changes"), asLong(row.get("customer_id")),
                asLong(row.get("ticket_id")), (String) row.get("prev_hash")));
        try (AuditTampering.Undo actor = chain.update(last, "actor", "nobody"); AuditTampering.Undo hash = chain.update(last, "entry_hash", forged)) {
            try (AuditTampering.Undo head = chain.setHeadHash("0".repeat(64))) {
                assertThat(verify().firstBadEntry()).isEqualTo(new AuditService.BadEntry(last, AuditService.HEAD_MISMATCH));
            }
            try (AuditTampering.Undo head = chain.setHeadHash(forged)) {
                // someone with write access to the database who rewrites consistently is not caught by the chain alone ...
                assertThat(verify().ok()).isTrue();
                // ... only by a hash kept outside it
                assertThat(audit.verify(Optional.of(anchor)).firstBadEntry())
                        .isEqualTo(new AuditService.BadEntry(last, AuditService.ANCHOR_MISMATCH));
            }
        }
        assertThat(audit.verify(Optional.of(anchor)).ok()).isTrue();
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
