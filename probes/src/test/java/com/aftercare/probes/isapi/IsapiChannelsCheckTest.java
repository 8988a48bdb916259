package com.aftercare.probes.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;

/** NVR_CHANNELS against an ISAPI peer answering InputProxyChannelStatusList: channels 1 and 2 online, 3 unreachable. */
class IsapiChannelsCheckTest {

    IsapiTestServer nvr;

    @BeforeEach
    void start() throws Exception {
        nvr = new IsapiTestServer();
        nvr.answer(IsapiChannelsCheck.PATH, "channels-status.xml");
    }

    @AfterEach
    void stop() {
        nvr.close();
    }

    CheckOutcome check(DeviceEndpoint device) {
        return new IsapiChannelsCheck().run(device, CheckRequest.of(CheckKind.NVR_CHANNELS), AddressGuard.anyAddress(), IsapiFixtures.FAST);
    }

    @Test
    void anNvrWithAnOfflineChannelFailsNamingItAndTheRecordersDiagnosis() {
        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr));

        assertThat(outcome.reason()).isEqualTo(CheckReason.CHANNEL_OFFLINE);
        assertThat(outcome.detail()).isEqualTo("offline: channel 3 (netUnreachable) (1 of 3)");
    }

    @Test
    void anNvrWithEveryChannelOnlinePasses() {
        nvr.answer(IsapiChannelsCheck.PATH, "channels-status-all-online.xml");

        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr));

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("3 channels online");
    }

    @Test
    void a128ChannelRecordersListIsReadWhole() {
        String xml = IsapiTestServer.resource("channels-status-all-online.xml");
        int first = xml.indexOf("<InputProxyChannelStatus ");
        int end = xml.indexOf("</InputProxyChannelStatus>") + "</InputProxyChannelStatus>".length();
        String one = xml.substring(first, end);
        StringBuilder list = new StringBuilder(xml.substring(0, first));
        for (int id = 1; id <= 128; id++) {
            String channel = one.replace("<id>1</id>", "<id>" + id + "</id>");
            list.append(id == 128 ? channel.replace("<online>true</online>", "<online>false</online>") : channel).append('\n');
        }
        list.append("</InputProxyChannelStatusList>\n");
        assertThat(list.length()).isGreaterThan(64 * 1024); // more than webhooks' cap
        nvr.answerXml(IsapiChannelsCheck.PATH, list.toString());

        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr));

        assertThat(outcome.detail()).isEqualTo("offline: channel 128 (connect) (1 of 128)");
    }

    @Test
    void aCameraIsJudgedOnlyByItsOwnChannel() {
        CheckOutcome online = check(IsapiFixtures.camera(nvr, 1));
        CheckOutcome offline = check(IsapiFixtures.camera(nvr, 3));

        assertThat(online.ok()).as(online.toString()).isTrue();
        assertThat(online.detail()).isEqualTo("1 channel online");
        assertThat(online.target()).isEqualTo(nvr.baseUrl() + "/ISAPI/ContentMgmt/InputProxy/channels/status channel 1");
        assertThat(offline.reason()).isEqualTo(CheckReason.CHANNEL_OFFLINE);
        assertThat(offline.detail()).isEqualTo("offline: channel 3 (netUnreachable) (1 of 1)");
    }

    @Test
    void aCameraWhoseChannelTheRecorderDoesNotHaveFails() {
        CheckOutcome outcome = check(IsapiFixtures.camera(nvr, 7));

        assertThat(outcome.reason()).isEqualTo(CheckReason.CHANNEL_OFFLINE);
        assertThat(outcome.detail()).isEqualTo("channel 7 not on the recorder");
    }

    @Test
    void theRecordersPasswordIsWhatCounts() {
        DeviceEndpoint wrongRecorderPassword = new DeviceEndpoint("192.0.2.64", null, null, false, IsapiTestServer.USER,
                IsapiTestServer.PASSWORD, null, null, null, 1, IsapiFixtures.nvr(nvr.baseUrl(), IsapiTestServer.USER, "old-password"), null);

        assertThat(check(wrongRecorderPassword).reason()).isEqualTo(CheckReason.AUTH_FAILED);
    }

    @Test
    void aCameraWithoutRecorderUrlIsNotConfigured() {
        DeviceEndpoint camera = new DeviceEndpoint("192.0.2.64", null, null, false, null, null, null, null, null, 1,
                IsapiFixtures.nvr(null, "admin", "x"), null);

        assertThat(check(camera).detail()).isEqualTo("missing: recorder.isapiUrl");
    }
}
