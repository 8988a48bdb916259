package com.aftercare.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.ClosedFaults;
import com.aftercare.ticket.ClosedFaults.ClosedFault;

/**
 * CB-1: of the faults closed in a month, a random sample per customer is picked for the phone survey (seed 000:
 * "电话故障回访按照故障总量的3%进行"). The sample size is ceil(closed x percent / 100): at least one survey for a
 * customer with any closed fault, never more than the faults closed (ADR 0045). A run tops the month up to its size
 * from the cases not yet picked, so a second run (a retry, the next day's timer) picks nothing new, and the unique
 * ticket column makes a case picked twice impossible even for two runs at once. The percentage is the customer's
 * contract's ({@code survey_sample_percent}, 3 unless the contract says otherwise); a customer without a contract is
 * sampled at the configured {@code aftercare.surveys.sample-percent}.
 */
@Service
public class PickSampleSurveys {

    public record Picked(YearMonth month, int closed, int sampleSize, int newlyPicked) {
    }

    private final SurveyRepository surveys;
    private final ClosedFaults closedFaults;
    private final SurveyNotices notices;
    private final ContractBook contracts;
    private final Clock clock;
    private final BigDecimal percent;
    private final Random random = new SecureRandom();

    PickSampleSurveys(SurveyRepository surveys, ClosedFaults closedFaults, SurveyNotices notices, ContractBook contracts, Clock clock,
            @Value("${aftercare.surveys.sample-percent:3}") BigDecimal percent) {
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("aftercare.surveys.sample-percent must be above 0 and at most 100: " + percent);
        }
        this.surveys = surveys;
        this.closedFaults = closedFaults;
        this.notices = notices;
        this.contracts = contracts;
        this.clock = clock;
        this.percent = percent;
    }

    /** The sample size for a customer's month: ceil(closed x percent / 100), 0 only when nothing closed. */
    public static int sampleSize(int closed, BigDecimal percent) {
        if (closed <= 0) {
            return 0;
        }
        int size = BigDecimal.valueOf(closed).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        return Math.min(closed, Math.max(1, size));
    }

    /** The configured percentage, for customers without a contract. */
    public BigDecimal percent() {
        return percent;
    }

    /** The customer's contract's percentage, else the configured one. */
    public BigDecimal percentFor(long customerId) {
        return contracts.contractOfCustomer(customerId).map(ServiceContract::getSurveySamplePercent).orElse(percent);
    }

    /** The timer's call: last month's sample (ADR 0045: the pick is monthly, the daily timer catches up a missed day). */
    @Transactional
    public Picked pickLastMonth() {
        return pick(YearMonth.now(clock).minusMonths(1));
    }

    /**
     * Picks one named fault closed in {@code month} for the survey, as the random pick would have (same period and due
     * day): the demo's way to show a known case, since a random pick of its two closed cases would make its KPI hand
     * count a matter of luck. A case not closed as a fault in that month is a 400 naming ticketId; one picked already
     * is left as it is. Returns the survey's id.
     */
    @Transactional
    public long pickCase(long ticketId, YearMonth month) {
        ZoneId zone = clock.getZone();
        ClosedFault fault = closedFaults.between(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).stream()
                .filter(f -> f.ticketId() == ticketId).findFirst()
                .orElseThrow(() -> new com.aftercare.common.BadRequestException("ticketId", "is not a fault closed in " + month));
        return surveys.findByKindAndCustomerIdAndSlot(SurveyKind.SAMPLE, fault.customerId(),
                Survey.slot(SurveyKind.SAMPLE, ticketId, null)).map(Survey::getId)
                .orElseGet(() -> {
                    YearMonth thisMonth = YearMonth.now(clock);
                    Survey survey = surveys.saveAndFlush(new Survey(SurveyKind.SAMPLE, fault.customerId(), ticketId, month.atDay(1),
                            month.atEndOfMonth(), SurveyPeriods.endOf(thisMonth.atEndOfMonth(), zone), clock.instant()));
                    notices.opened(SurveyKind.SAMPLE, 1);
                    return survey.getId();
                });
    }

    @Transactional
    public Picked pick(YearMonth month) {
        ZoneId zone = clock.getZone();
        List<ClosedFault> closed = closedFaults.between(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Map<Long, List<ClosedFault>> byCustomer = new TreeMap<>();
        closed.forEach(c -> byCustomer.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c));
        Set<Long> picked = new HashSet<>();
        List<Long> ids = closed.stream().map(ClosedFault::ticketId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            picked.addAll(surveys.findPickedTicketIds(ids.subList(i, Math.min(ids.size(), i + 500))));
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth thisMonth = YearMonth.from(today);
        int size = 0;
        int made = 0;
        for (Map.Entry<Long, List<ClosedFault>> customer : byCustomer.entrySet()) {
            List<ClosedFault> faults = customer.getValue();
            int target = sampleSize(faults.size(), percentFor(customer.getKey()));
            size += target;
            List<ClosedFault> candidates = new ArrayList<>(faults.stream().filter(f -> !picked.contains(f.ticketId())).toList());
            int need = target - (faults.size() - candidates.size());
            Collections.shuffle(candidates, random);
            for (ClosedFault f : candidates.subList(0, Math.max(0, Math.min(need, candidates.size())))) {
                // due: the end of the month the survey is picked in (the contracts give no figure; ADR 0045)
                surveys.save(new Survey(SurveyKind.SAMPLE, f.customerId(), f.ticketId(), month.atDay(1), month.atEndOfMonth(),
                        SurveyPeriods.endOf(thisMonth.atEndOfMonth(), zone), clock.instant()));
                made++;
            }
        }
        surveys.flush();
        notices.opened(SurveyKind.SAMPLE, made);
        return new Picked(month, closed.size(), size, made);
    }
}
