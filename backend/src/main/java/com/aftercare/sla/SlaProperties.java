package com.aftercare.sla;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** aftercare.sla.levels.N.response / .resolution: first, simple per-level deadlines in natural time (SLA-1). */
@ConfigurationProperties("aftercare.sla")
public record SlaProperties(Map<Integer, LevelDeadlines> levels) {

    public record LevelDeadlines(Duration response, Duration resolution) {
    }
}
