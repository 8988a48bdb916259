package com.aftercare.kpi;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.aftercare.ticket.TicketSummaries;
import com.aftercare.ticket.TicketSummary;

/**
 * The drill-down: the cases behind one figure of one month, as the ticket list shows them (same rows, same links),
 * or the incidents of one category or level. Scoped like the figures.
 */
@Service
@Validated
public class ListKpiCases {

    public record Command(@NotNull @Valid KpiQuery query, @NotNull KpiName kpi, @NotNull DrillPart part) {
    }

    public record IncidentsCommand(@NotNull @Valid KpiQuery query, @Pattern(regexp = "[A-Z_]{1,30}") String category,
            @Pattern(regexp = "[A-Z0-9_]{1,10}") String level) {
    }

    private final ComputeKpis compute;
    private final TicketSummaries summaries;

    ListKpiCases(ComputeKpis compute, TicketSummaries summaries) {
        this.compute = compute;
        this.summaries = summaries;
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> behind(@Valid Command command) {
        KpiMonth.Drill drill = compute.month(command.query()).figures().drills().get(command.kpi());
        return summaries.byIds(ids(drill, command.part()));
    }

    @Transactional(readOnly = true)
    public List<TicketSummary> incidents(@Valid IncidentsCommand command) {
        List<Long> ids = compute.month(command.query()).figures().incidents().cases().stream()
                .filter(i -> command.category() == null || i.category().equals(command.category()))
                .filter(i -> command.level() == null || i.level().equals(command.level()))
                .map(KpiMonth.Incident::id).toList();
        return summaries.byIds(ids);
    }

    static List<Long> ids(KpiMonth.Drill drill, DrillPart part) {
        return switch (part) {
            case NUMERATOR -> drill.numerator();
            case DENOMINATOR -> drill.denominator();
            case AGAINST -> drill.against();
        };
    }
}
