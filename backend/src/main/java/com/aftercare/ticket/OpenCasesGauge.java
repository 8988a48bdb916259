package com.aftercare.ticket;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.CachedFigure;

/**
 * Open cases per level for Prometheus ({@code aftercare_cases_open{level}}, README "Metrics"): one grouped count over
 * the ticket table, cached for a few seconds, so a scrape costs one indexed aggregate whatever the number of cases.
 * The level codes of every shipped and custom policy are "0"-"5" or "A"-"D" ({@link Ticket#getLevel()}); each has its
 * gauge from the start so a level's line on the dashboard is 0, not missing, before its first case. Cases without a
 * level (consultations, complaints, service requests) count as level "none".
 */
@Component
class OpenCasesGauge implements MeterBinder {

    static final String NAME = "aftercare.cases.open";
    static final List<String> LEVELS = List.of("0", "1", "2", "3", "4", "5", "A", "B", "C", "D", "none");

    private final CachedFigure<Map<String, Long>> perLevel;

    OpenCasesGauge(TicketRepository tickets, TransactionTemplate transaction,
            @Value("${aftercare.metrics.gauge-cache:PT5S}") Duration cache) {
        TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
        readOnly.setReadOnly(true);
        this.perLevel = new CachedFigure<>(() -> readOnly.execute(s -> {
            Map<String, Long> counts = new HashMap<>();
            for (Object[] row : tickets.countOpenByLevel()) {
                counts.merge(row[0] == null ? "none" : (String) row[0], (Long) row[1], Long::sum);
            }
            return counts;
        }), cache);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String level : LEVELS) {
            Gauge.builder(NAME, perLevel, f -> f.get().getOrDefault(level, 0L)).description("Open cases (not closed) per level")
                    .tag("level", level).register(registry);
        }
    }
}
