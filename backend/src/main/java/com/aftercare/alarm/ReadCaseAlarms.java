package com.aftercare.alarm;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;

/**
 * The monitoring alarms behind a case, for its case file next to the probe results: whether the monitoring system
 * has reported recovery ("监控系统已于 … 报告恢复") is evidence the verifier weighs, not a verdict of its own.
 */
@Service
public class ReadCaseAlarms {

    public record CaseAlarm(String source, SourceKind sourceKind, String dedupKey, Severity severity, String summary,
            MonitoringAlarm.State state, int triggerCount, Instant firstAt, Instant lastTriggeredAt, Instant acknowledgedAt,
            Instant resolvedAt, Instant flappingNotedAt) {
    }

    private final MonitoringAlarmRepository alarms;
    private final MonitoringSourceRepository sources;
    private final FindTicket tickets;

    ReadCaseAlarms(MonitoringAlarmRepository alarms, MonitoringSourceRepository sources, FindTicket tickets) {
        this.alarms = alarms;
        this.sources = sources;
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    public List<CaseAlarm> read(Long ticketId) {
        tickets.getVisible(ticketId); // 404 for an unknown case
        return alarms.findByTicketIdOrderByFirstAt(ticketId).stream().map(a -> {
            MonitoringSource source = sources.findById(a.getSourceId()).orElseThrow();
            return new CaseAlarm(source.getName(), source.getKind(), a.getDedupKey(), a.getSeverity(), a.getSummary(),
                    a.getState(), a.getTriggerCount(), a.getFirstAt(), a.getLastTriggeredAt(), a.getAcknowledgedAt(),
                    a.getResolvedAt(), a.getFlappingNotedAt());
        }).toList();
    }
}
