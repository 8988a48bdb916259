package com.aftercare.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/**
 * The open surveys and callbacks (the desk's list; a customer's user sees their unit's surveys to answer, never a
 * callback), and the results of one customer over a period with the average of each score (supervisors).
 */
@Service
public class ReadSurveys {

    /** Averages over the answered surveys (SAMPLE and QUARTERLY) of the period; null when none was answered. */
    public record Results(long customerId, String customerName, LocalDate from, LocalDate to, int surveys, int answered,
            int overdue, Double intakeAverage, Double handlingAverage, Double supportAverage, List<SurveyView> rows) {
    }

    private final SurveyRepository surveys;
    private final SurveyRungRepository rungs;
    private final AssetService assets;
    private final FindTicket tickets;
    private final Clock clock;

    ReadSurveys(SurveyRepository surveys, SurveyRungRepository rungs, AssetService assets, FindTicket tickets, Clock clock) {
        this.surveys = surveys;
        this.rungs = rungs;
        this.assets = assets;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SurveyView> open() {
        return open(false);
    }

    /** overdueOnly: only those past their due time (the board's link, 逾期). */
    @Transactional(readOnly = true)
    public List<SurveyView> open(boolean overdueOnly) {
        Long scope = CurrentUser.scopeCustomerId();
        List<Survey> found = scope == null ? surveys.findByStatusOrderByDueAtAscIdAsc(SurveyStatus.OPEN)
                : surveys.findByStatusAndCustomerIdOrderByDueAtAscIdAsc(SurveyStatus.OPEN, scope).stream()
                        .filter(s -> s.getKind() != SurveyKind.CALLBACK).toList();
        Instant now = clock.instant();
        return views(found.stream().filter(s -> !overdueOnly || !now.isBefore(s.getDueAt())).toList());
    }

    /** How many surveys and callbacks are open past their due time (the supervisor board's count). */
    @Transactional(readOnly = true)
    public long overdueCount() {
        return surveys.countByStatusAndDueAtLessThanEqual(SurveyStatus.OPEN, clock.instant());
    }

    @Transactional(readOnly = true)
    public Results results(Long customerId, LocalDate from, LocalDate to) {
        if (customerId == null) {
            throw new BadRequestException("customerId", "is required");
        }
        if (from == null || to == null) {
            throw new BadRequestException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        Customer customer = assets.customers().stream().filter(c -> c.getId().equals(customerId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No customer " + customerId));
        List<SurveyView> rows = views(surveys.findOfCustomerInPeriod(customerId, from, to));
        List<SurveyView> scored = rows.stream().filter(r -> r.kind() != SurveyKind.CALLBACK && r.intakeScore() != null).toList();
        return new Results(customerId, customer.getName(), from, to, rows.size(),
                (int) rows.stream().filter(r -> r.status() == SurveyStatus.ANSWERED).count(),
                (int) rows.stream().filter(SurveyView::overdue).count(),
                average(scored.stream().map(SurveyView::intakeScore).toList()),
                average(scored.stream().map(SurveyView::handlingScore).toList()),
                average(scored.stream().map(SurveyView::supportScore).toList()), rows);
    }

    /** One survey; a customer's user reaches only their unit's surveys (never a callback). */
    @Transactional(readOnly = true)
    public SurveyView one(long id) {
        boolean customer = CurrentUser.isCustomer();
        Survey s = surveys.findById(id)
                .filter(x -> !customer || (x.getCustomerId().equals(CurrentUser.customerId()) && x.getKind() != SurveyKind.CALLBACK))
                .orElseThrow(() -> new NotFoundException("No survey " + id));
        return view(s);
    }

    SurveyView view(Survey s) {
        return views(List.of(s)).get(0);
    }

    private List<SurveyView> views(List<Survey> found) {
        boolean customer = CurrentUser.isCustomer();
        Map<Long, String> names = assets.customers().stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
        Map<Long, List<SurveyRung>> ladders = new HashMap<>();
        List<Long> ids = found.stream().map(Survey::getId).toList();
        for (int i = 0; !customer && i < ids.size(); i += 500) {
            rungs.findBySurveyIdInOrderByRungAsc(ids.subList(i, Math.min(ids.size(), i + 500)))
                    .forEach(g -> ladders.computeIfAbsent(g.getSurveyId(), k -> new ArrayList<>()).add(g));
        }
        return found.stream().map(s -> SurveyView.of(s, names.getOrDefault(s.getCustomerId(), "-"),
                s.getTicketId() == null ? null : tickets.get(s.getTicketId()).getNumber(), clock.instant(), customer,
                ladders.getOrDefault(s.getId(), List.of()))).toList();
    }

    private static Double average(List<Integer> scores) {
        return scores.isEmpty() ? null
                : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0;
    }
}
