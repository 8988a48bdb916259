package com.aftercare.probes.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;

/**
 * NVR_RECORDINGS against an ISAPI peer answering CMSearchResult per track, with "now" fixed. The recorder
 * keeps 90 days on channel 1, exactly 60 on channel 2, 59 on channel 3 and nothing on channel 4.
 */
class IsapiRecordingsCheckTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    IsapiTestServer nvr;

    @BeforeEach
    void start() throws Exception {
        nvr = new IsapiTestServer();
        nvr.now = NOW;
        nvr.answer(IsapiChannelsCheck.PATH, "channels-status.xml"); // channels 1, 2, 3
        nvr.oldestRecording(101, NOW.minus(Duration.ofDays(90)));
        nvr.oldestRecording(201, NOW.minus(Duration.ofDays(60)));
        nvr.oldestRecording(301, NOW.minus(Duration.ofDays(59)).minus(Duration.ofHours(23)));
    }

    @AfterEach
    void stop() {
        nvr.close();
    }

    CheckOutcome check(DeviceEndpoint device, Map<String, String> params) {
        return new IsapiRecordingsCheck(Clock.fixed(NOW, ZoneOffset.UTC)).run(device, new CheckRequest(CheckKind.NVR_RECORDINGS, params),
                AddressGuard.anyAddress(), IsapiFixtures.FAST);
    }

    @Test
    void aCameraChannelWith59DaysFailsVc3() {
        CheckOutcome outcome = check(IsapiFixtures.camera(nvr, 3), Map.of("minDays", "60"));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.reason()).isEqualTo(CheckReason.SHORT_RECORDINGS);
        assertThat(outcome.detail()).isEqualTo("channel 3: 59 days; minimum 60 days");
    }

    @Test
    void aCameraChannelWith60DaysPasses() {
        CheckOutcome outcome = check(IsapiFixtures.camera(nvr, 2), Map.of("minDays", "60"));

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("channel 2: 60 days; minimum 60 days");
        // one search, for the camera's main-stream track on its recorder, from 2000 up to the cutoff (60 days ago)
        assertThat(nvr.searchBodies).singleElement().asString().contains("<trackID>201</trackID>")
                .contains("<startTime>2000-01-01T00:00:00Z</startTime>").contains("<endTime>2026-10-05T12:01:00Z</endTime>")
                .contains("xmlns=\"http://www.isapi.org/ver20/XMLSchema\"");
    }

    @Test
    void aCameraNeeds60DaysWhenThePolicyGivesNoFigure() {
        assertThat(check(IsapiFixtures.camera(nvr, 3), Map.of()).detail()).isEqualTo("channel 3: 59 days; minimum 60 days");
    }

    @Test
    void anNvrNeeds30DaysOnEveryChannelByDefault() {
        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr), Map.of());

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("3 channels, shortest 59 days; minimum 30 days");
        assertThat(nvr.searchBodies).hasSize(3);
    }

    @Test
    void anNvrFailsNamingEachShortChannel() {
        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr), Map.of("minDays", "60"));

        assertThat(outcome.reason()).isEqualTo(CheckReason.SHORT_RECORDINGS);
        assertThat(outcome.detail()).isEqualTo("channel 3: 59 days; minimum 60 days");
    }

    @Test
    void anExpiredNonceIsAnsweredWithAFreshChallengeNotTakenForAWrongPassword() {
        nvr.singleUseNonces = true;

        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr), Map.of());

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        // the channel list and three searches, each after the recorder declared the previous nonce stale
        assertThat(nvr.log).filteredOn(line -> line.endsWith(" 200")).hasSize(4);
        assertThat(nvr.log).filteredOn(line -> line.endsWith(" 401")).hasSize(4);
    }

    @Test
    void theVerdictDoesNotDependOnTheOrderOfTheResults() {
        nvr.newestFirst = true; // 60 and 90 daily segments, more than one page of 20

        assertThat(check(IsapiFixtures.camera(nvr, 2), Map.of("minDays", "60")).ok()).isTrue();
        assertThat(check(IsapiFixtures.camera(nvr, 1), Map.of("minDays", "60")).ok()).isTrue();
        assertThat(check(IsapiFixtures.camera(nvr, 3), Map.of("minDays", "60")).reason()).isEqualTo(CheckReason.SHORT_RECORDINGS);
    }

    @Test
    void aShortChannelIsSearchedAgainToSayHowManyDaysItHas() {
        check(IsapiFixtures.camera(nvr, 3), Map.of("minDays", "60"));

        assertThat(nvr.searchBodies).hasSize(2);
        assertThat(nvr.searchBodies.get(0)).contains("<endTime>2026-10-05T12:01:00Z</endTime>");
        assertThat(nvr.searchBodies.get(1)).contains("<endTime>2026-12-04T12:00:00Z</endTime>");
    }

    @Test
    void aChannelWithNoRecordingsFails() {
        CheckOutcome outcome = check(IsapiFixtures.camera(nvr, 4), Map.of("minDays", "60"));

        assertThat(outcome.reason()).isEqualTo(CheckReason.SHORT_RECORDINGS);
        assertThat(outcome.detail()).isEqualTo("channel 4: no recordings; minimum 60 days");
    }

    @Test
    void aWrongRecorderPasswordIsAuthFailed() {
        DeviceEndpoint camera = new DeviceEndpoint("192.0.2.64", null, null, false, null, null, null, null, null, 2,
                IsapiFixtures.nvr(nvr.baseUrl(), IsapiTestServer.USER, "wrong-password"), null);

        CheckOutcome outcome = check(camera, Map.of());

        assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
        assertThat(nvr.searchBodies).isEmpty();
    }

    @Test
    void aMinimumThatIsNoNumberIsNotConfigured() {
        assertThat(check(IsapiFixtures.camera(nvr, 2), Map.of("minDays", "two months")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
    }
}
