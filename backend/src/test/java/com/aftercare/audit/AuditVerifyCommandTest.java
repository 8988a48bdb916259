package com.aftercare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.AuditTampering;
import com.aftercare.support.IntegrationTest;
import com.aftercare.support.StandaloneApp;
import com.aftercare.ticket.Category;

/**
 * {@code java -jar aftercare.jar --aftercare.audit.verify}: the application started as a command on
 * the same database (inside this JVM, so it is told not to exit): no HTTP port, prints the outcome,
 * exit code 0 for an intact chain and 1 naming the first bad entry for a tampered one.
 */
class AuditVerifyCommandTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired AuditService audit;

    @Test
    void theCommandPrintsTheOutcomeAndExitsWithZeroForAnIntactChain() {
        report(Category.DEFECT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditVerifyCommand.report(audit.verify(Optional.empty()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        AuditTampering chain = new AuditTampering(jdbc);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit trail: OK")
                .contains("{\"ok\":true,\"entries\":" + chain.headSeq() + ",").contains(chain.headHash());
    }

    @Test
    void startedAsACommandItOpensNoPortAndNamesTheFirstBadEntryWithExitCodeOne() {
        report(Category.DEFECT);
        AuditTampering chain = new AuditTampering(jdbc);
        long entry = chain.headSeq() - 2;
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (AuditTampering.Undo undo = chain.update(entry, "entity_id", "999999")) {
            System.setOut(new PrintStream(new TeeStream(console, captured), true, StandardCharsets.UTF_8));
            try (StandaloneApp app = StandaloneApp.start("audit-verify-command", Map.of(
                    "spring.profiles.active", System.getProperty("spring.profiles.active", "test"),
                    "aftercare.audit.verify", "",
                    "aftercare.audit.exit-after-verify", "false"))) {
                assertThat(app.port()).as("no HTTP port open").isEqualTo(-1);
                assertThat(app.bean(AuditVerifyCommand.class).exitCode()).isEqualTo(1);
            } finally {
                System.setOut(console);
            }
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("Audit trail: TAMPERED: first bad entry seq " + entry + " (hash mismatch: row changed)")
                .contains("\"firstBadEntry\":{\"seq\":" + entry + ",\"reason\":\"hash mismatch: row changed\"}");
        assertThat(audit.verify(Optional.empty()).ok()).isTrue();
    }

    /** Writes to the console and keeps a copy. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
