package com.aftercare.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.AftercareApplication;
import com.aftercare.search.CaseQuery;
import com.aftercare.search.SearchCases;

/**
 * Search time at scale (issue 15; not a test: figures on stdout, no timed assertion). Run against a fresh PostgreSQL
 * database with {@code AFTERCARE_DB_URL=jdbc:postgresql://127.0.0.1:5432/<fresh> mvn -B -pl backend -am -Dskip.npm
 * -Pbenchmark,postgres verify -Dtest=SearchBenchmark}; README "Finding cases" has the figures.
 *
 * <p>{@code bench.search.cases} (100,000) cases are written straight into the tables with JDBC batches (the search
 * reads tables, so the engine's processes are not needed to measure it), over 500 sites of 50 customer units, 10
 * devices a site, with Chinese fault descriptions from a small vocabulary (so common 2-character words such as 画面 match
 * thousands of cases, the hard case) and about one conversation message a case. Then {@code bench.search.runs} (100)
 * searches of each kind go through {@link SearchCases} as the ticket list calls it (count + first page of 20 + rows):
 * a 2-character Chinese word, the last 4 digits of a caller's phone, a device's name, a case number, and a 1-character
 * query (县, matching the address of most sites: the worst case, reported for information). Reported: p50, p95, max.
 */
@Tag("database") // -Pbenchmark,postgres runs it on PostgreSQL: that profile runs only the tag "database"
class SearchBenchmark {

    private static final String[] FAULTS = { "画面花屏", "黑屏无图像", "视频掉线", "录像丢失", "云台不转", "夜视模糊", "网络不通", "硬盘故障",
            "电源损坏", "光纤中断", "交换机死机", "镜头进水", "补光灯不亮", "时间不同步", "存储空间满", "平台离线", "画面卡顿", "编码器反复重启",
            "雷击损坏", "风扇异响" };
    private static final String[] WORDS = { "花屏", "黑屏", "掉线", "录像", "云台", "夜视", "硬盘", "光纤", "补光", "卡顿", "雷击", "风扇" };
    private static final String[] PLACES = { "路口", "东门", "西门", "收费站", "停车场", "大厅", "机房", "校门", "广场", "桥头" };
    private static final String[] KINDS = { "球机", "枪机", "半球", "录像机", "交换机", "光端机" };
    private static final String[] MORE = { "请尽快派人处理", "已重启无效", "影响交通监控", "客户很着急", "昨晚开始出现", "间歇性出现", "需要带备件",
            "值班人员反映" };
    private static final String[] COUNTIES = { "示范县", "东城区", "西城区", "高新区", "临河县", "北山县" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
    private static final String[] STATUSES = { "NEW", "AT_DESK", "AWAITING_DISPATCH", "DISPATCHED", "IN_PROGRESS", "CLOSED", "CLOSED",
            "CLOSED" };
    private static final String[] CHANNELS = { "HOTLINE", "WEB", "ON_SITE", "EMAIL", "MONITORING" };

    @Test
    void searchAtScale() {
        int cases = Integer.getInteger("bench.search.cases", 100_000);
        int runs = Integer.getInteger("bench.search.runs", 100);
        boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
        try (ConfigurableApplicationContext app = start(postgres)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Random random = new Random(15);
            long started = System.nanoTime();
            Data data = load(jdbc, random, cases, postgres);
            System.out.printf("search benchmark: %,d cases, %,d messages, %d sites, %d devices loaded in %.0f s (%s)%n", cases,
                    data.messages, data.siteCount, data.deviceNames.size(), (System.nanoTime() - started) / 1e9,
                    postgres ? "PostgreSQL" : "H2");
            if (postgres) {
                jdbc.execute("analyze");
            }
            SearchCases search = app.getBean(SearchCases.class);
            report(search, "2-character Chinese word", runs, () -> WORDS[random.nextInt(WORDS.length)]);
            report(search, "last 4 digits of the phone", runs, () -> {
                String phone = data.phones.get(random.nextInt(data.phones.size()));
                return phone.substring(phone.length() - 4);
            });
            report(search, "device name", runs, () -> data.deviceNames.get(random.nextInt(data.deviceNames.size())));
            report(search, "case number", runs, () -> data.numbers.get(random.nextInt(data.numbers.size())));
            report(search, "1 character (县, worst case)", Math.max(5, runs / 10), () -> "县");
        }
    }

    private static void report(SearchCases search, String kind, int runs, Supplier<String> text) {
        for (int i = 0; i < 5; i++) {
            search.search(query(text.get()));
        }
        List<Long> nanos = new ArrayList<>();
        long hits = 0;
        for (int i = 0; i < runs; i++) {
            String q = text.get();
            long t0 = System.nanoTime();
            SearchCases.Result result = search.search(query(q));
            nanos.add(System.nanoTime() - t0);
            hits += result.totalElements();
        }
        Collections.sort(nanos);
        System.out.printf("search %-30s n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms, %,d matching cases on average%n", kind, runs,
                ms(nanos, 0.50), ms(nanos, 0.95), nanos.get(nanos.size() - 1) / 1e6, hits / runs);
    }

    private static CaseQuery query(String text) {
        return new CaseQuery(text, null, null, null, null, null, null, null, null, null, false, null, null, 0, 20);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private record Data(List<String> phones, List<String> numbers, List<String> deviceNames, int siteCount, long messages) {
    }

    private static Data load(JdbcTemplate jdbc, Random random, int cases, boolean postgres) {
        String run = Long.toString(System.nanoTime(), 36);
        List<Long> siteIds = new ArrayList<>();
        List<long[]> devices = new ArrayList<>(); // device id, site id
        List<String> deviceNames = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            jdbc.update("insert into customer(name) values (?)", "检索基准客户" + run + "-" + c);
            long customerId = jdbc.queryForObject("select max(id) from customer", Long.class);
            for (int s = 0; s < 10; s++) {
                String county = COUNTIES[random.nextInt(COUNTIES.length)];
                jdbc.update("insert into site(customer_id, name, address, region) values (?, ?, ?, ?)", customerId,
                        SURNAMES[s] + "家" + PLACES[s] + "站" + c, county + "城关镇解放路" + (c * 10 + s) + "号", "COUNTY");
                long siteId = jdbc.queryForObject("select max(id) from site", Long.class);
                siteIds.add(siteId);
                List<Object[]> rows = new ArrayList<>();
                for (int d = 0; d < 10; d++) {
                    String name = KINDS[d % KINDS.length] + "-" + PLACES[d] + "-" + String.format("%05d", deviceNames.size() + d);
                    rows.add(new Object[] { siteId, "CAMERA", name, "SN" + run + "-" + (deviceNames.size() + d),
                            "10." + c + "." + s + "." + (d + 1) });
                }
                jdbc.batchUpdate("insert into device(site_id, type, name, serial_number, ip_address) values (?, ?, ?, ?, ?)", rows);
                List<Long> ids = jdbc.queryForList("select id from device where site_id = ? order by id", Long.class, siteId);
                for (int d = 0; d < ids.size(); d++) {
                    devices.add(new long[] { ids.get(d), siteId });
                    deviceNames.add((String) rows.get(d)[2]);
                }
            }
        }
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from ticket", Long.class);
        List<String> phones = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long messages = 0;
        List<Object[]> ticketRows = new ArrayList<>();
        List<Object[]> messageRows = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            long id = firstId + i;
            long[] device = devices.get(random.nextInt(devices.size()));
            String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
            String number = "INC-2026-" + String.format("%06d", id);
            String place = PLACES[random.nextInt(PLACES.length)];
            String fault = FAULTS[random.nextInt(FAULTS.length)];
            Timestamp at = Timestamp.from(base.plus(i * 3L, ChronoUnit.MINUTES));
            ticketRows.add(new Object[] { id, number, CHANNELS[random.nextInt(CHANNELS.length)], SURNAMES[random.nextInt(10)] + "先生", phone,
                    device[1], device[0], "DEFECT", "MEDIUM", "MEDIUM", String.valueOf(1 + random.nextInt(3)),
                    STATUSES[random.nextInt(STATUSES.length)], place + fault,
                    place + "的" + KINDS[random.nextInt(KINDS.length)] + fault + "，" + MORE[random.nextInt(MORE.length)], at, at, at });
            phones.add(phone);
            numbers.add(number);
            int replies = random.nextInt(3);
            for (int m = 0; m < replies; m++) {
                messageRows.add(new Object[] { id, MORE[random.nextInt(MORE.length)] + "，" + FAULTS[random.nextInt(FAULTS.length)],
                        m == 0 ? "INTERNAL" : "PUBLIC", "desk", false, at });
                messages++;
            }
            if (ticketRows.size() == 1000 || i == cases - 1) {
                jdbc.batchUpdate("insert into ticket(id, number, channel, requester_name, requester_phone, site_id, device_id, category,"
                        + " impact, urgency, level_code, status, title, description, created_at, updated_at, received_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ticketRows);
                jdbc.batchUpdate("insert into conversation_message(ticket_id, body, visibility, author, author_is_customer, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)", messageRows);
                ticketRows.clear();
                messageRows.clear();
            }
        }
        long next = firstId + cases;
        jdbc.execute(postgres ? "select setval('ticket_seq', " + next + ")" : "alter sequence ticket_seq restart with " + next);
        return new Data(phones, numbers, deviceNames, siteIds.size(), messages);
    }

    private static ConfigurableApplicationContext start(boolean postgres) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.active=" + (postgres ? "postgres" : "benchmark"),
                "--camunda.bpm.job-execution.enabled=false",
                "--aftercare.probe.worker-enabled=false",
                "--aftercare.notify.worker-enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (!postgres) {
            args.add("--spring.datasource.url=jdbc:h2:mem:search-benchmark;DB_CLOSE_DELAY=-1");
        }
        return new SpringApplicationBuilder(AftercareApplication.class).run(args.toArray(String[]::new));
    }
}
