package com.aftercare.kpi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/**
 * The dashboard (CB-4, seed 003): one month's figures for a customer unit or all, and the trend of the twelve months
 * ending with it, each recomputed from the case history (nothing is stored, so a figure can always be re-derived).
 */
@Service
@Validated
public class ComputeKpis {

    public static final int TREND_MONTHS = 12;

    public record Dashboard(Long customerId, String customerName, KpiMonth month, List<TrendPoint> trend) {
    }

    public record TrendPoint(YearMonth month, List<KpiMonth.Figure> figures, long incidents) {
    }

    private final KpiScope scope;
    private final KpiFacts facts;
    private final SatisfactionScores scores;

    ComputeKpis(KpiScope scope, KpiFacts facts, SatisfactionScores scores) {
        this.scope = scope;
        this.facts = facts;
        this.scores = scores;
    }

    @Transactional(readOnly = true)
    public Dashboard compute(@Valid KpiQuery query) {
        KpiScope.Resolved r = scope.resolve(query);
        YearMonth first = r.month().minusMonths(TREND_MONTHS - 1);
        List<CaseFacts> cases = facts.cases(r.customerId(), scope.start(first), r.to());
        List<KpiCalculator.Device> devices = devices(r.customerId());
        Map<Long, Integer> given = scores.scores(cases.stream().map(CaseFacts::id).toList());
        List<TrendPoint> trend = new ArrayList<>();
        KpiMonth month = null;
        for (YearMonth m = first; !m.isAfter(r.month()); m = m.plusMonths(1)) {
            KpiMonth figures = KpiCalculator.compute(m, scope.start(m), m.equals(r.month()) ? r.to() : scope.end(m), cases,
                    devices, given);
            trend.add(new TrendPoint(m, figures.figures(), figures.incidents().total()));
            month = figures;
        }
        return new Dashboard(r.customerId(), r.customerName(), month, trend);
    }

    /** One month only (the drill-down and the export). */
    @Transactional(readOnly = true)
    public Month month(@Valid KpiQuery query) {
        KpiScope.Resolved r = scope.resolve(query);
        List<CaseFacts> cases = facts.cases(r.customerId(), r.from(), r.to());
        Map<Long, Integer> given = scores.scores(cases.stream().map(CaseFacts::id).toList());
        return new Month(r.customerId(), r.customerName(),
                KpiCalculator.compute(r.month(), r.from(), r.to(), cases, devices(r.customerId()), given));
    }

    /** The devices with the instants their commissioning and retirement days began in the service's zone. */
    private List<KpiCalculator.Device> devices(Long customerId) {
        return facts.devicesInService(customerId).stream().map(d -> new KpiCalculator.Device(d.id(),
                d.commissionedOn() == null ? null : scope.startOf(d.commissionedOn()),
                d.retiredOn() == null ? null : scope.startOf(d.retiredOn()))).toList();
    }

    public record Month(Long customerId, String customerName, KpiMonth figures) {
    }
}
