package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.CountingListener;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * A probe target that got past the save-time check (written behind the API's back, or a name that
 * now resolves to loopback) is checked again on connect: refused with "address not allowed",
 * without a single connection to the internal service, and nothing it could answer is recorded.
 */
class ProbeTargetCheckedOnConnectTest extends IntegrationTest {

    @Autowired ProbeService probes;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRefusedStoredTargetIsNeverConnectedTo() throws Exception {
        try (CountingListener internal = new CountingListener()) {
            Ticket ticket = report(Category.DEFECT);
            jdbc.update("update device set ip_address = 'localhost', probe_tcp_ports = ?, probe_http_url = ? where id = ?",
                    String.valueOf(internal.port()), "http://127.0.0.1:" + internal.port() + "/actuator/env", device.getId());

            ProbeService.Outcome outcome = probes.run(probes.plan(ticket.getId()));

            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.checks()).hasSize(2).allSatisfy(c -> {
                assertThat(c.ok()).isFalse();
                assertThat(c.detail()).isEqualTo("address not allowed");
            });
            assertThat(internal.accepted()).as("connections the internal service accepted").isZero();
        }
    }

    @Test
    void aSitesListCannotOpenTheServersOwnLoopback() throws Exception {
        // before issue 14 a site's allow-list could name 127.0.0.1; now only the server-wide configuration can (ADR 0031)
        try (CountingListener internal = new CountingListener()) {
            Ticket ticket = report(Category.DEFECT);
            assets.allowProbes(site.getId(), "127.0.0.1:" + internal.port());
            jdbc.update("update device set probe_tcp_ports = ?, probe_http_url = ? where id = ?",
                    String.valueOf(internal.port()), "http://127.0.0.1:" + internal.port() + "/status", device.getId());

            ProbeService.Outcome outcome = probes.run(probes.plan(ticket.getId()));

            assertThat(internal.accepted()).as("connections the internal service accepted").isZero();
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.checks()).extracting(ProbeCheck::reason).containsExactly("TARGET_REFUSED", "TARGET_REFUSED");
            assertThat(outcome.toString()).as("checks and summary").doesNotContain(CountingListener.MARKER);
        }
    }
}
