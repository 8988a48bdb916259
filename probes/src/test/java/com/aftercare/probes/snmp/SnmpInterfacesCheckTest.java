package com.aftercare.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;

/**
 * SNMP_INTERFACES against a real agent serving an IF-MIB ifTable of a small PoE switch: ports 1 and 2 up,
 * port 3 enabled but its camera unplugged (oper down), port 4 shut down by the administrator.
 */
class SnmpInterfacesCheckTest {

    // one agent per test: SNMP4J-Agent keeps its USM in a process-wide registry, so two agents at once would mix users
    @TempDir
    File dir;
    SnmpTestAgent agent;

    @BeforeEach
    void startAgent() throws Exception {
        agent = SnmpTestAgent.start(dir);
    }

    void fourPortSwitch() {
        agent.ifRow(1, "GigabitEthernet1/0/1", 1, 1);
        agent.ifRow(2, "GigabitEthernet1/0/2", 1, 1);
        agent.ifRow(3, "GigabitEthernet1/0/3", 1, 2);
        agent.ifRow(4, "GigabitEthernet1/0/4", 2, 2);
    }

    @AfterEach
    void stopAgent() {
        agent.stop();
    }

    CheckOutcome check(Map<String, String> params, DeviceEndpoint.Snmp snmp) {
        DeviceEndpoint device = SnmpUptimeCheckTest.device(snmp);
        return new SnmpInterfacesCheck().run(device, new CheckRequest(CheckKind.SNMP_INTERFACES, params), AddressGuard.anyAddress(),
                SnmpUptimeCheckTest.FAST);
    }

    CheckOutcome check(Map<String, String> params) {
        return check(params, DeviceEndpoint.Snmp.v2c(agent.port(), SnmpTestAgent.COMMUNITY));
    }

    @Test
    void withoutPortsEveryAdminUpPortMustBeUpAndTheDownOneIsNamed() {
        fourPortSwitch();

        CheckOutcome outcome = check(Map.of());

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.reason()).isEqualTo(CheckReason.INTERFACE_DOWN);
        // port 4 is shut down on purpose and is no fault
        assertThat(outcome.detail()).isEqualTo("down: 3 GigabitEthernet1/0/3 (down) (1 of 3)");
    }

    @Test
    void theNamedPortsPassWhenAllAreUp() {
        fourPortSwitch();

        CheckOutcome outcome = check(Map.of("ports", "1, 2"));

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("2 ports up");
    }

    @Test
    void aNamedPortThatIsDownFailsEvenWhenTheAdministratorShutItDown() {
        fourPortSwitch();

        CheckOutcome outcome = check(Map.of("ports", "1,3,4"));

        assertThat(outcome.reason()).isEqualTo(CheckReason.INTERFACE_DOWN);
        assertThat(outcome.detail()).isEqualTo("down: 3 GigabitEthernet1/0/3 (down), 4 GigabitEthernet1/0/4 (down) (2 of 3)");
    }

    @Test
    void aNamedPortTheSwitchDoesNotHaveFails() {
        fourPortSwitch();

        CheckOutcome outcome = check(Map.of("ports", "9"));

        assertThat(outcome.reason()).isEqualTo(CheckReason.INTERFACE_DOWN);
        assertThat(outcome.detail()).isEqualTo("down: 9 (no such port) (1 of 1)");
    }

    @Test
    void v3WalksTheTableToo() {
        fourPortSwitch();

        CheckOutcome outcome = check(Map.of(), SnmpUptimeCheckTest.v3(agent.port(), "sha256aes", "SHA256", SnmpTestAgent.AUTH_PASSWORD,
                "AES256", SnmpTestAgent.PRIV_PASSWORD));

        assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.INTERFACE_DOWN);
        assertThat(outcome.detail()).isEqualTo("down: 3 GigabitEthernet1/0/3 (down) (1 of 3)");
    }

    @Test
    void anAgentWithoutIfTableIsNotSupported() {
        CheckOutcome outcome = check(Map.of());

        assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.NOT_SUPPORTED);
        assertThat(outcome.detail()).isEqualTo("no IF-MIB ifTable");
    }

    @Test
    void aPortListThatIsNoListIsNotConfigured() {
        fourPortSwitch();

        assertThat(check(Map.of("ports", "uplink")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
    }

    @Test
    void aWrongCommunityTimesOut() {
        fourPortSwitch();

        assertThat(check(Map.of(), DeviceEndpoint.Snmp.v2c(agent.port(), "guess")).reason()).isEqualTo(CheckReason.TIMEOUT);
    }
}
