package com.aftercare.weatherwarning;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.inspection.Hazard;

import io.swagger.v3.oas.annotations.media.Schema;

/** The weather warnings received, newest first, for the desk, supervisors and administrators. */
@Service
public class ReadWeatherWarnings {

    /** The inspections page shows the recent ones; older ones are in the audit trail. */
    static final int MAX_LISTED = 100;

    @Schema(name = "WeatherWarningView")
    public record WarningView(long id, String sourceId, Hazard hazard, WarningLevel level, List<String> areas, String title,
            String description, Instant issuedAt, Instant receivedAt, String receivedBy, int inspectionsStarted) {
    }

    private final WeatherWarningRepository warnings;

    ReadWeatherWarnings(WeatherWarningRepository warnings) {
        this.warnings = warnings;
    }

    @Transactional(readOnly = true)
    public List<WarningView> recent() {
        WeatherFeed.require("read weather warnings");
        return warnings.newestFirst(PageRequest.of(0, MAX_LISTED)).stream().map(this::view).toList();
    }

    WarningView view(WeatherWarning w) {
        List<String> areas = w.getAreas() == null ? List.of() : Arrays.asList(w.getAreas().split("、"));
        return new WarningView(w.getId(), w.getSourceId(), w.getHazard(), w.getLevel(), areas, w.getTitle(),
                w.getDescription(), w.getIssuedAt(), w.getReceivedAt(), w.getReceivedBy(), w.getInspectionsStarted());
    }
}
