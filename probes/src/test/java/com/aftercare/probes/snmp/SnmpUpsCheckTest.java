package com.aftercare.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

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

/** SNMP_UPS against a real agent serving the UPS-MIB (RFC 1628) scalars a UPS network card has. */
class SnmpUpsCheckTest {

    @TempDir
    File dir;
    SnmpTestAgent agent;

    @BeforeEach
    void startAgent() throws Exception {
        agent = SnmpTestAgent.start(dir);
    }

    @AfterEach
    void stopAgent() {
        agent.stop();
    }

    void ups(int batteryStatus, int outputSource) {
        agent.setInt("1.3.6.1.2.1.33.1.2.1.0", batteryStatus);
        agent.setInt("1.3.6.1.2.1.33.1.2.3.0", 42); // upsEstimatedMinutesRemaining
        agent.setInt("1.3.6.1.2.1.33.1.2.4.0", 97); // upsEstimatedChargeRemaining
        agent.setInt("1.3.6.1.2.1.33.1.4.1.0", outputSource);
    }

    CheckOutcome check() {
        return new SnmpUpsCheck().run(SnmpUptimeCheckTest.device(DeviceEndpoint.Snmp.v2c(agent.port(), SnmpTestAgent.COMMUNITY)),
                CheckRequest.of(CheckKind.SNMP_UPS), AddressGuard.anyAddress(), SnmpUptimeCheckTest.FAST);
    }

    @Test
    void batteryNormalAndOutputNormalPass() {
        ups(2, 3);

        CheckOutcome outcome = check();

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("battery normal, output normal, charge 97 %, 42 min left");
    }

    @Test
    void onBatteryIsAnAlarm() {
        ups(2, 5);

        CheckOutcome outcome = check();

        assertThat(outcome.reason()).isEqualTo(CheckReason.UPS_ALARM);
        assertThat(outcome.detail()).isEqualTo("battery normal, output battery, charge 97 %, 42 min left");
    }

    @Test
    void batteryLowIsAnAlarm() {
        ups(3, 3);

        assertThat(check().reason()).isEqualTo(CheckReason.UPS_ALARM);
        assertThat(check().detail()).startsWith("battery low, output normal");
    }

    @Test
    void batteryDepletedIsAnAlarm() {
        ups(4, 3);

        assertThat(check().detail()).startsWith("battery depleted");
        assertThat(check().ok()).isFalse();
    }

    @Test
    void bypassIsAnAlarm() {
        ups(2, 4);

        assertThat(check().reason()).isEqualTo(CheckReason.UPS_ALARM);
        assertThat(check().detail()).startsWith("battery normal, output bypass");
    }

    @Test
    void anAgentWithoutUpsMibIsNotSupported() {
        CheckOutcome outcome = check();

        assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_SUPPORTED);
        assertThat(outcome.detail()).isEqualTo("no UPS-MIB (RFC 1628)");
    }
}
