package com.aftercare.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** aftercare.alarms.*: the shipped figures when nothing is set, and a start refused with the property named. */
class AlarmSettingsTest {

    @Test
    void unsetPropertiesGiveTheDocumentedFigures() {
        AlarmSettings settings = new AlarmSettings(null, null, null);
        assertThat(settings.flapPairs()).isEqualTo(3);
        assertThat(settings.flapWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.requestsPerMinute()).isEqualTo(3000);
    }

    @Test
    void aLimitBelowOneStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new AlarmSettings(null, null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aftercare.alarms.requests-per-minute");
        assertThatThrownBy(() -> new AlarmSettings(0, null, null)).hasMessageContaining("aftercare.alarms.flap-pairs");
    }
}
