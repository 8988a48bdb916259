package com.aftercare.securityincident;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's security incidents that occurred in a period, for the quarterly and annual service summaries (seed 003,
 * 系统运行的主要统计项目: 发生安全事件的次数、类型和影响). Codes as stored; the report labels them in its language.
 */
@Service
public class SecurityIncidentsOfPeriod {

    public record Row(String number, Instant occurredAt, String kind, String impact, String status, String title) {
    }

    private final SecurityIncidentRepository incidents;

    SecurityIncidentsOfPeriod(SecurityIncidentRepository incidents) {
        this.incidents = incidents;
    }

    /** Those that occurred in [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<Row> of(long customerId, Instant from, Instant to) {
        return incidents.ofUnitBetween(customerId, from, to).stream().map(i -> new Row(i.number(), i.getOccurredAt(),
                i.getKind().name(), i.getImpact().name(), i.getStatus().name(), i.getTitle())).toList();
    }
}
