package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * RP-3's configuration backups: an engineer keeps a switch's exported configuration; staff list it newest first and
 * fetch the very bytes (SHA-256 equal); the same file again is not kept twice (a double click, an unchanged
 * configuration); bad input is a 400 naming the field with nothing kept; customers and unknown devices get nothing;
 * each kept backup is on the audit trail with who kept it and the file's SHA-256.
 */
class ConfigBackupApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.aftercare.identity.AccountService accounts;
    ApiClient api;
    Uploads uploads;

    @BeforeEach
    void clients() {
        api = new ApiClient(rest);
        uploads = new Uploads(rest);
    }

    private String path() {
        return "/api/devices/" + device.getId() + "/config-backups";
    }

    private long kept() {
        return jdbc.queryForObject("select count(*) from device_config_backup where device_id = ?", Long.class, device.getId());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anEngineerKeepsASwitchConfigurationAndStaffFetchTheSameBytesOnce() throws Exception {
        clock.set(java.time.Instant.parse("2026-12-07T02:00:00.123456789Z")); // finer than the database keeps
        byte[] before = "sysname CORE-SW-01\n#\ninterface Vlanif10\n ip address 10.20.0.1 255.255.255.0\n#\nreturn\n"
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response first = uploads.uploadTo("t-eng", path(), "C:\\backup\\CORE-SW-01.cfg", before,
                Map.of("note", " 升级固件前备份 "));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().path("fileName").asText()).as("the folder a browser sent is dropped").isEqualTo("CORE-SW-01.cfg");
        assertThat(first.body().path("contentType").asText()).isEqualTo("text/plain");
        assertThat(first.body().path("sha256").asText()).isEqualTo(sha256(before));
        assertThat(first.body().path("sizeBytes").asLong()).isEqualTo(before.length);
        assertThat(first.body().path("note").asText()).isEqualTo("升级固件前备份");
        assertThat(first.body().path("uploadedByName").asText()).isEqualTo("Test Engineer");

        // the same file again (a second click): answered with the kept one, not kept twice
        ApiClient.Response again = uploads.uploadTo("t-eng", path(), "CORE-SW-01.cfg", before, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        assertThat(kept()).isEqualTo(1);

        byte[] after = new byte[] { 'C', 'F', 'G', 0, 1, 2, (byte) 0xff, 3 };
        ApiClient.Response second = uploads.uploadTo("t-sup", path(), "startup.dat", after, Map.of("note", "升级后"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("contentType").asText()).isEqualTo("application/octet-stream");

        List<JsonNode> listed = new java.util.ArrayList<>();
        api.get("t-desk", path()).body().forEach(listed::add);
        assertThat(listed).extracting(b -> b.path("fileName").asText()).containsExactly("startup.dat", "CORE-SW-01.cfg");
        assertThat(listed.get(1).path("uploadedAt").asText()).as("the 201 answer and the list agree")
                .isEqualTo(first.body().path("uploadedAt").asText()).isEqualTo("2026-12-07T02:00:00.123456Z");

        ResponseEntity<byte[]> file = uploads.download("t-desk", path() + "/" + first.body().path("id").asLong() + "/file");
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(sha256(file.getBody())).isEqualTo(sha256(before));
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("CORE-SW-01.cfg");
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(uploads.download("t-desk", path() + "/" + second.body().path("id").asLong() + "/file").getBody())
                .isEqualTo(after);

        JsonNode trail = api.get("t-sup", "/api/audit?entityType=device_config_backup&entityId=" + first.body().path("id").asLong()
                + "&size=5").body().path("content");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("actor").asText()).isEqualTo("t-eng");
        assertThat(trail.get(0).path("changes").path("sha256").path("after").asText()).isEqualTo(sha256(before));
        assertThat(trail.get(0).path("customerId").asLong()).isEqualTo(site.getCustomer().getId());
    }

    @Test
    void badInputIsA400NamingTheFieldAndKeepsNothingAndOnlyStaffReachTheBackups() {
        long before = kept();
        assertThat(uploads.uploadTo("t-eng", path(), "empty.cfg", new byte[0], Map.of()).errorFields()).containsExactly("file");
        assertThat(uploads.uploadTo("t-eng", path(), "huge.cfg", new byte[5 * 1024 * 1024 + 1], Map.of()).errorFields())
                .as("5 MB at most").containsExactly("file");
        assertThat(uploads.uploadTo("t-eng", path(), "a.cfg", "x".getBytes(StandardCharsets.UTF_8), Map.of("note", "备".repeat(501)))
                .errorFields()).containsExactly("note");
        assertThat(kept()).isEqualTo(before);

        assertThat(uploads.uploadTo("t-desk", path(), "a.cfg", "desk".getBytes(StandardCharsets.UTF_8), Map.of()).status())
                .as("the desk reads backups but does not keep them").isEqualTo(403);
        String customer = "cust-cfg-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer", site.getCustomer().getId());
        assertThat(api.get(customer, path()).status()).isEqualTo(403);
        assertThat(uploads.uploadTo(customer, path(), "a.cfg", "c".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("t-eng", "/api/devices/987654321/config-backups").status()).isEqualTo(404);
        assertThat(uploads.uploadTo("t-eng", "/api/devices/987654321/config-backups", "a.cfg", "x".getBytes(StandardCharsets.UTF_8),
                Map.of()).status()).isEqualTo(404);
        assertThat(uploads.download("t-eng", path() + "/987654321/file").getStatusCode().value()).isEqualTo(404);
        assertThat(kept()).isEqualTo(before);
    }

    /** The limits as documented: a file of exactly 5 MB and a note of exactly 500 characters are kept. */
    @Test
    void aFileOfFiveMegabytesAndANoteOfFiveHundredCharactersAreKept() {
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        fiveMegabytes[0] = 1;
        ApiClient.Response kept = uploads.uploadTo("t-eng", path(), "nvr-settings.bin", fiveMegabytes, Map.of("note", "备".repeat(500)));
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(201);
        assertThat(kept.body().path("sizeBytes").asLong()).isEqualTo(5L * 1024 * 1024);
        assertThat(kept.body().path("note").asText()).hasSize(500);
    }

    /** Two clicks at once with the same file: one is kept (201), the other answers with it (200), never two rows. */
    @Test
    void twoUploadsOfTheSameFileAtOnceKeepIt() throws Exception {
        byte[] config = ("sysname GATE-SW-" + System.nanoTime() + "\nreturn\n").getBytes(StandardCharsets.UTF_8);
        long before = kept();
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> {
                    go.await();
                    return uploads.uploadTo("t-eng", path(), "gate.cfg", config, Map.of()).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        } finally {
            clicks.shutdownNow();
        }
        assertThat(kept()).isEqualTo(before + 1);
    }
}
