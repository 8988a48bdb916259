package com.aftercare.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Alarms arrive in bursts, the same alarm from several deliveries at once (IN-1, issue 14 "Done when"): 1,000 events
 * with 95 % duplicates (50 alarms, 20 events each) sent over HTTP from 8 threads in shuffled order open exactly 50
 * cases and append the other 950. Runs on H2 in the default suite and on PostgreSQL in the PostgreSQL suite (mvn
 * -Ppostgres, spring profile postgres: README "Tests"), where the unique open-alarm row of V33 is what refuses the
 * second case: Java alone could not, the racing requests are in different transactions.
 */
class AlarmBurstConcurrencyTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ALARMS = 50;
    private static final int EVENTS_PER_ALARM = 20;
    private static final int THREADS = 8;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired RegisterMonitoringSource register;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private RegisterMonitoringSource.Registered source() {
        return register.register(new RegisterMonitoringSource.NewSource("Burst " + System.nanoTime(), SourceKind.GENERIC,
                site.getCustomer().getId(), null));
    }

    private static Object trigger(String dedupKey) throws Exception {
        return JSON.readTree("{\"event_action\":\"trigger\",\"dedup_key\":\"" + dedupKey + "\",\"payload\":{\"summary\":\"camera "
                + dedupKey + " offline\",\"source\":\"cam-" + dedupKey + "\",\"severity\":\"error\"}}");
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aThousandEventsWithNinetyFivePercentDuplicatesFromEightThreadsOpenExactlyFiftyCases() throws Exception {
        RegisterMonitoringSource.Registered source = source();
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < ALARMS; a++) {
            for (int e = 0; e < EVENTS_PER_ALARM; e++) {
                keys.add("alarm-" + a);
            }
        }
        Collections.shuffle(keys, new Random(14));
        ApiClient api = new ApiClient(rest);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (String key : keys) {
            Object body = trigger(key);
            sent.add(threads.submit(() -> {
                start.await();
                return api.exchange(null, HttpMethod.POST, "/api/alarms", body, Map.of("Authorization", "Bearer " + source.key()))
                        .status();
            }));
        }
        start.countDown();
        for (Future<Integer> f : sent) {
            assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(202);
        }

        long sourceId = source.source().getId();
        assertThat(count("select count(*) from monitoring_alarm where source_id = ?", sourceId)).isEqualTo(ALARMS);
        assertThat(count("select count(distinct ticket_id) from monitoring_alarm where source_id = ?", sourceId)).isEqualTo(ALARMS);
        assertThat(count("select count(*) from ticket where site_id = ?", site.getId())).isEqualTo(ALARMS);
        assertThat(count("select count(*) from monitoring_event where source_id = ? and outcome = 'OPENED'", sourceId)).isEqualTo(ALARMS);
        assertThat(count("select count(*) from monitoring_event where source_id = ? and outcome = 'APPENDED'", sourceId))
                .isEqualTo(ALARMS * (EVENTS_PER_ALARM - 1));
        assertThat(count("select count(*) from monitoring_alarm where source_id = ? and trigger_count = ?", sourceId, EVENTS_PER_ALARM))
                .isEqualTo(ALARMS);
        assertThat(count("select count(*) from ticket_event e join monitoring_alarm a on a.ticket_id = e.ticket_id"
                + " where a.source_id = ? and e.type = 'ALARM_REPEATED'", sourceId)).isEqualTo(ALARMS * (EVENTS_PER_ALARM - 1));
    }

    /** Eight deliveries of one alarm released at the same instant: one case, seven appended. */
    @Test
    void theSameAlarmArrivingEightTimesAtOnceOpensOneCase() throws Exception {
        RegisterMonitoringSource.Registered source = source();
        ApiClient api = new ApiClient(rest);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        Object body = trigger("same");
        for (int i = 0; i < THREADS; i++) {
            sent.add(threads.submit(() -> {
                start.await();
                return api.exchange(null, HttpMethod.POST, "/api/alarms", body, Map.of("X-Aftercare-Key", source.key())).status();
            }));
        }
        start.countDown();
        for (Future<Integer> f : sent) {
            assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(202);
        }
        long sourceId = source.source().getId();
        assertThat(count("select count(*) from ticket where site_id = ?", site.getId())).isEqualTo(1);
        assertThat(count("select count(*) from monitoring_event where source_id = ? and outcome = 'APPENDED'", sourceId)).isEqualTo(7);
        assertThat(count("select trigger_count from monitoring_alarm where source_id = ?", sourceId)).isEqualTo(8);
    }
}
