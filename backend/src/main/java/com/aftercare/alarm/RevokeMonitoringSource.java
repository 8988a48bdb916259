package com.aftercare.alarm;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;

/** Revokes a source's key at once (the next alarm with it is 401); the source, its alarms and cases stay. */
@Service
public class RevokeMonitoringSource {

    private final MonitoringSourceRepository sources;
    private final Clock clock;

    RevokeMonitoringSource(MonitoringSourceRepository sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional
    public MonitoringSource revoke(Long sourceId) {
        MonitoringSource source = sources.findById(sourceId)
                .orElseThrow(() -> new NotFoundException("No monitoring source " + sourceId));
        source.revoke(clock.instant());
        return source;
    }
}
