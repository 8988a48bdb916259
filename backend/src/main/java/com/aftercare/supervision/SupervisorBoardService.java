package com.aftercare.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import com.aftercare.asset.Region;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ClockTicket;
import com.aftercare.sla.ContractTerms;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.PolicyVersion;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.SearchTickets;

/**
 * The supervisor board: every open case with its live clocks, worst first. Clocks are derived for all
 * open tickets in two queries (milestones, escalation log), then filtered and sorted in memory.
 */
@Service
class SupervisorBoardService {

    private final FindTicket tickets;
    private final SearchTickets searchTickets;
    private final PolicyCatalog policyCatalog;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final Clock clock;

    SupervisorBoardService(FindTicket tickets, SearchTickets searchTickets, PolicyCatalog policyCatalog,
            ContractBook contractBook, ClockEvaluation clockEvaluation, Clock clock) {
        this.tickets = tickets;
        this.searchTickets = searchTickets;
        this.policyCatalog = policyCatalog;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.clock = clock;
    }

    record Filter(String level, ClockName clock, Region region, String engineer, ClockStatus.Risk risk, String sort) {
    }

    record BoardClock(String clock, String basis, String state, Instant dueAt, Long remainingSeconds, String risk,
            int escalationLevel, String escalationName) {
    }

    record Row(Long ticketId, String number, String title, String level, String levelName, String status, String assignee,
            String siteName, String region, String policy, int escalationLevel, String escalationName, String risk,
            List<BoardClock> clocks) {
    }

    record LevelCount(String level, int open, int atRisk, int overdue) {
    }

    record ClockCount(String clock, int running, int paused, int atRisk, int overdue) {
    }

    record Counts(int total, List<LevelCount> byLevel, List<ClockCount> byClock) {
    }

    record Board(Instant generatedAt, Counts counts, List<Row> rows) {
    }

    Board board(Filter filter) {
        Instant now = clock.instant();
        List<Ticket> open = searchTickets.openTickets();
        Map<Long, List<ClockStatus>> clocks = clockEvaluation.clocks(open.stream().map(tickets::clockTicket).toList());
        Map<Long, String> policyCodes = new java.util.HashMap<>();
        List<Row> all = new ArrayList<>();
        for (Ticket t : open) {
            String code = policyCodes.computeIfAbsent(t.getPolicyId(), id -> policyCatalog.policyVersion(id).code());
            all.add(row(t, code, clocks.getOrDefault(t.getId(), List.of())));
        }
        Counts counts = counts(all);
        List<Row> rows = all.stream().filter(r -> matches(r, filter)).sorted(order(filter)).toList();
        return new Board(now, counts, rows);
    }

    private Row row(Ticket t, String policyCode, List<ClockStatus> statuses) {
        List<BoardClock> live = new ArrayList<>();
        int escalation = 0;
        String escalationName = null;
        ClockStatus.Risk worst = ClockStatus.Risk.OK;
        for (ClockStatus s : statuses) {
            if (!s.state().isRunning() && s.state() != ClockState.PAUSED) {
                continue;
            }
            live.add(new BoardClock(s.clock().name(), s.basis().name(), s.state().name(), s.dueAt(),
                    s.remaining() == null ? null : s.remaining().getSeconds(), s.risk().name(), s.escalationLevel(),
                    s.escalationName()));
            if (s.escalationLevel() > escalation) {
                escalation = s.escalationLevel();
                escalationName = s.escalationName();
            }
            if (s.risk().ordinal() > worst.ordinal()) {
                worst = s.risk();
            }
        }
        // most urgent first: running clocks by time left, paused ones after
        live.sort(Comparator.comparing((BoardClock c) -> c.state().equals("PAUSED"))
                .thenComparing(c -> c.remainingSeconds() == null ? Long.MAX_VALUE : c.remainingSeconds()));
        PolicyDefinition policy = policyCatalog.definition(t.getPolicyId());
        String levelName = t.getLevel() == null ? null
                : policy.level(t.getLevel()).map(PolicyDefinition.LevelSpec::name).orElse(null);
        return new Row(t.getId(), t.getNumber(), t.getTitle(), t.getLevel(), levelName, t.getStatus().name(), t.getAssignee(),
                t.getSite().getName(), t.getSite().getRegion().name(), policyCode, escalation, escalationName, worst.name(), live);
    }

    private static boolean matches(Row r, Filter f) {
        if (f.level() != null && !f.level().equals(r.level())) {
            return false;
        }
        if (f.region() != null && !f.region().name().equals(r.region())) {
            return false;
        }
        if (f.engineer() != null && !f.engineer().equals(r.assignee())) {
            return false;
        }
        List<BoardClock> considered = f.clock() == null ? r.clocks()
                : r.clocks().stream().filter(c -> c.clock().equals(f.clock().name())).toList();
        if (f.clock() != null && considered.isEmpty()) {
            return false;
        }
        return f.risk() == null || considered.stream().anyMatch(c -> c.risk().equals(f.risk().name()));
    }

    private static Comparator<Row> order(Filter f) {
        Comparator<Row> byUrgency = Comparator.comparing((Row r) -> r.clocks().isEmpty() || r.clocks().get(0).remainingSeconds() == null
                || r.clocks().get(0).state().equals("PAUSED") ? Long.MAX_VALUE : r.clocks().get(0).remainingSeconds());
        Comparator<Row> byNumber = Comparator.comparing(Row::number, Comparator.nullsLast(Comparator.naturalOrder()));
        return switch (f.sort() == null ? "remaining" : f.sort()) {
            case "level" -> Comparator.comparing(Row::level, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(byUrgency).thenComparing(byNumber);
            case "ticket" -> byNumber;
            default -> byUrgency.thenComparing(byNumber);
        };
    }

    private static Counts counts(List<Row> rows) {
        Map<String, int[]> byLevel = new TreeMap<>();
        Map<String, int[]> byClock = new LinkedHashMap<>();
        for (ClockName name : ClockName.values()) {
            byClock.put(name.name(), new int[4]);
        }
        for (Row r : rows) {
            int[] l = byLevel.computeIfAbsent(r.level() == null ? "-" : r.level(), k -> new int[3]);
            l[0]++;
            if (r.risk().equals("AT_RISK")) {
                l[1]++;
            } else if (r.risk().equals("OVERDUE")) {
                l[2]++;
            }
            for (BoardClock c : r.clocks()) {
                int[] k = byClock.get(c.clock());
                if (c.state().equals("PAUSED")) {
                    k[1]++;
                } else {
                    k[0]++;
                }
                if (c.risk().equals("AT_RISK")) {
                    k[2]++;
                } else if (c.risk().equals("OVERDUE")) {
                    k[3]++;
                }
            }
        }
        List<LevelCount> levels = byLevel.entrySet().stream()
                .map(e -> new LevelCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<ClockCount> clockCounts = byClock.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .map(e -> new ClockCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        return new Counts(rows.size(), levels, clockCounts);
    }

    /** One ticket's clocks with their history (the ticket page). */
    /** {@code workingHours}: the office hours the ticket's working-time clocks count on 5×8 (e.g. "08:30–12:00"); null on 7×24. */
    record TicketClocks(Map<String, Object> policy, String calendar, String zone, String level, String levelName,
            Instant generatedAt, List<ClockView> clocks, List<String> workingHours) {
    }

    TicketClocks ticketClocks(Long ticketId) {
        Ticket t = tickets.getVisible(ticketId);
        ClockTicket ct = tickets.clockTicket(t);
        PolicyVersion policy = policyCatalog.policyVersion(t.getPolicyId());
        // a consultation, complaint or service request runs its own clock only; the policy's fault clocks never start on it
        boolean fault = t.getRequestType() == RequestType.FAULT;
        List<ClockView> views = clockEvaluation.clocks(ct).stream().filter(ClockStatus::applicable)
                .filter(c -> fault != c.clock().isRequestClock()).map(ClockView::of).toList();
        ContractTerms terms = contractBook.termsOrDefault(ct.terms());
        return new TicketClocks(Map.of("code", policy.code(), "name", policy.definition().name(), "version", policy.version()),
                terms.calendar().name(), terms.zone().getId(), t.getLevel(),
                t.getLevel() == null ? null : policy.definition().level(t.getLevel()).map(PolicyDefinition.LevelSpec::name).orElse(null),
                clock.instant(), views, terms.calendar() == com.aftercare.sla.CalendarKind.FIVE_BY_8
                        ? terms.workingHours().stream().map(Object::toString).toList() : null);
    }
}
