package com.aftercare.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/** SNMP_UPTIME against a real SNMP4J agent: v2c and every v3 protocol pair pass; each wrong credential fails as SNMP lets us tell. */
class SnmpUptimeCheckTest {

    /**
     * 1.5 s per try and one retry: a silent agent costs the check 3 s. Shorter tries made the v3 cases flaky on a
     * loaded build machine (the first v3 request also derives keys and discovers the agent's engine).
     */
    static final Timeouts FAST = new Timeouts(Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofMillis(1500));

    @TempDir
    static File dir;
    static SnmpTestAgent agent;

    @BeforeAll
    static void startAgent() throws Exception {
        if (System.getProperty("snmpdebug") != null) { // -DargLine=-Dsnmpdebug=1 prints SNMP4J's own log of the exchange
            org.snmp4j.log.LogFactory.setLogFactory(new org.snmp4j.log.ConsoleLogFactory());
            org.snmp4j.log.LogFactory.getLogFactory().getRootLogger().setLogLevel(org.snmp4j.log.LogLevel.DEBUG);
        }
        agent = SnmpTestAgent.start(dir);
    }

    @AfterAll
    static void stopAgent() {
        agent.stop();
    }

    static DeviceEndpoint device(DeviceEndpoint.Snmp snmp) {
        return new DeviceEndpoint("127.0.0.1", null, null, false, null, null, null, null, null, null, null, snmp);
    }

    static DeviceEndpoint.Snmp v3(int port, String user, String auth, String authPassword, String priv, String privPassword) {
        return new DeviceEndpoint.Snmp(port, "3", null, user, auth, authPassword, priv, privPassword);
    }

    CheckOutcome uptime(DeviceEndpoint device) {
        return new SnmpUptimeCheck().run(device, CheckRequest.of(CheckKind.SNMP_UPTIME), AddressGuard.anyAddress(), FAST);
    }

    @Test
    void v2cWithTheRightCommunityReadsTheUptime() {
        CheckOutcome outcome = uptime(device(DeviceEndpoint.Snmp.v2c(agent.port(), SnmpTestAgent.COMMUNITY)));

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
        assertThat(outcome.detail()).matches("uptime 0d 0h \\d+m");
        assertThat(outcome.target()).isEqualTo("snmp://127.0.0.1:" + agent.port());
    }

    @ParameterizedTest
    @CsvSource({ "shaaes,SHA,AES", "sha256aes,SHA256,AES256", "md5des,MD5,DES", "authonly,SHA," })
    void v3UsersWithEachAuthAndPrivacyProtocolPass(String user, String auth, String priv) {
        CheckOutcome outcome = uptime(device(v3(agent.port(), user, auth, SnmpTestAgent.AUTH_PASSWORD, priv,
                priv == null ? null : SnmpTestAgent.PRIV_PASSWORD)));

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
    }

    @Test
    void aWrongCommunityIsATimeoutBecauseV2cAgentsDropItSilently() {
        long start = System.nanoTime();
        CheckOutcome outcome = uptime(device(DeviceEndpoint.Snmp.v2c(agent.port(), "private")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.reason()).isEqualTo(CheckReason.TIMEOUT);
        assertThat(outcome.detail()).isEqualTo("no SNMP v2c answer within 1500 ms, retried once (wrong community or no agent)");
        // one try and one retry of 1.5 s each, and not much more
        assertThat(millis).isBetween(2_900L, 6_000L);
    }

    @Test
    void aV3UnknownUserIsAuthFailedFromTheAgentsUsmStatsReport() {
        CheckOutcome outcome = uptime(device(v3(agent.port(), "intruder", "SHA", SnmpTestAgent.AUTH_PASSWORD, "AES",
                SnmpTestAgent.PRIV_PASSWORD)));

        assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.AUTH_FAILED);
        assertThat(outcome.detail()).isEqualTo("SNMP v3 report: unknown user name");
    }

    @Test
    void aV3WrongAuthPasswordIsAuthFailedFromTheWrongDigestReport() {
        CheckOutcome outcome = uptime(device(v3(agent.port(), "shaaes", "SHA", "not-the-password", "AES",
                SnmpTestAgent.PRIV_PASSWORD)));

        assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.AUTH_FAILED);
        assertThat(outcome.detail()).isEqualTo("SNMP v3 report: wrong digest (authentication password)")
                .doesNotContain("not-the-password");
    }

    @Test
    void aV3WrongPrivacyPasswordIsATimeoutBecauseTheAgentCannotParseWhatItDecrypted() {
        CheckOutcome outcome = uptime(device(v3(agent.port(), "shaaes", "SHA", SnmpTestAgent.AUTH_PASSWORD, "AES",
                "wrong-priv-pass")));

        assertThat(outcome.ok()).isFalse();
        // AES with the wrong key yields garbage, which agents drop as a parse error without any report
        assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.TIMEOUT);
        assertThat(outcome.detail()).isEqualTo("no SNMP v3 answer within 1500 ms, retried once (wrong privacy password or no agent)");
    }

    @Test
    void aPortWithoutAgentIsATimeout() throws Exception {
        int silent;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silent = s.getLocalPort(); // bound and never answering while the check runs
            CheckOutcome outcome = uptime(device(DeviceEndpoint.Snmp.v2c(silent, SnmpTestAgent.COMMUNITY)));
            assertThat(outcome.reason()).isEqualTo(CheckReason.TIMEOUT);
        }
    }

    @Test
    void theCheckConnectsToTheAddressTheGuardResolved() {
        List<String> asked = new ArrayList<>();
        AddressGuard guard = (host, port) -> {
            asked.add(host + ":" + port);
            return InetAddress.getLoopbackAddress();
        };
        DeviceEndpoint named = new DeviceEndpoint("switch.site-a.example", null, null, false, null, null, null, null, null, null,
                null, DeviceEndpoint.Snmp.v2c(agent.port(), SnmpTestAgent.COMMUNITY));

        CheckOutcome outcome = new SnmpUptimeCheck().run(named, CheckRequest.of(CheckKind.SNMP_UPTIME), guard, FAST);

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(asked).containsExactly("switch.site-a.example:" + agent.port());
    }

    @Test
    void aRefusedTargetIsNeverContacted() {
        AddressGuard refuse = (host, port) -> {
            throw new AddressGuard.RefusedTarget("address not allowed");
        };
        CheckOutcome outcome = new SnmpUptimeCheck().run(device(DeviceEndpoint.Snmp.v2c(agent.port(), SnmpTestAgent.COMMUNITY)),
                CheckRequest.of(CheckKind.SNMP_UPTIME), refuse, FAST);

        assertThat(outcome.reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(outcome.detail()).isEqualTo("address not allowed");
    }

    @Test
    void missingSettingsAreNotConfigured() {
        assertThat(uptime(device(null)).detail()).isEqualTo("missing: snmp");
        assertThat(uptime(device(DeviceEndpoint.Snmp.v2c(agent.port(), ""))).detail()).isEqualTo("missing: snmp.community");
        assertThat(uptime(device(v3(agent.port(), "shaaes", "SHA", "short", null, null))).detail()).isEqualTo("missing: snmp.authPassword");
        assertThat(uptime(device(v3(agent.port(), "shaaes", null, null, "AES", SnmpTestAgent.PRIV_PASSWORD))).detail())
                .isEqualTo("missing: snmp.authProtocol");
        assertThat(uptime(device(v3(agent.port(), "shaaes", "SHA", SnmpTestAgent.AUTH_PASSWORD, "ROT13", "12345678"))).reason())
                .isEqualTo(CheckReason.NOT_CONFIGURED);
    }
}
