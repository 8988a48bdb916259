package com.aftercare.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 * The supervisor board: open cases with their live clocks, worst first, one page at a time. Filtering, ordering,
 * paging and the counts are SQL over the clock rows the escalation model keeps (board_clock, ADR 0056), read
 * against the time of the query; only the page's own cases are replayed for the exact clocks they show.
 */
@Service
class SupervisorBoardService {

    /** Risk of one board_clock row {@code c} at {@code :now}: what time alone changes is not stored. */
    private static final String RISK = "case when c.state = 'PAUSED' then c.paused_risk when c.due_at < :now then 'OVERDUE'"
            + " when c.at_risk_at <= :now then 'AT_RISK' else 'OK' end";

    /*
     * The same judged from what CacheClocks keeps on the case (ticket.BoardMarks, V69, ADR 0066), so the counts and the
     * risk filter read the open cases' index, not every case's clock rows. OVERDUE_CASE: some clock row is OVERDUE.
     * WORST: the worst risk of the case's rows (2 overdue, 1 at risk, 0 otherwise). AT_RISK_SPAN: a necessary condition
     * for a row at risk (a running row within the span of the case's at-risk instants and deadlines, or a held row
     * frozen at a risk); the few cases in it are asked their rows. (Cases in the span that are not overdue certainly
     * have a row at risk, but "or not overdue" would make the rows' question a per-case subplan the planner prices
     * for every open case; one semi-join over the span's cases is as exact and cheaper.)
     */
    private static final String OVERDUE_CASE = "(t.board_due < :now or t.board_paused_risk = 'OVERDUE')";
    private static final String WORST = "case when " + OVERDUE_CASE + " then 2"
            + " when t.board_at_risk_at <= :now or t.board_paused_risk = 'AT_RISK' then 1 else 0 end";
    private static final String AT_RISK_SPAN = "(t.board_paused_risk is not null or t.board_at_risk_at <= :now"
            + " and (t.board_risk_until is null or t.board_risk_until >= :now))";

    private final FindTicket tickets;
    private final SearchTickets searchTickets;
    private final PolicyCatalog policyCatalog;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SupervisorBoardService(FindTicket tickets, SearchTickets searchTickets, PolicyCatalog policyCatalog,
            ContractBook contractBook, ClockEvaluation clockEvaluation,
            NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.tickets = tickets;
        this.searchTickets = searchTickets;
        this.policyCatalog = policyCatalog;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.jdbc = jdbc;
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

    /**
     * {@code counts}: every open case (not only the filtered ones); {@code matching}: cases the filter selects;
     * {@code rows}: the requested page of them (page from 0).
     */
    record Board(Instant generatedAt, Counts counts, int page, int size, long matching, List<Row> rows) {
    }

    Board board(Filter filter, int page, int size) {
        Instant now = clock.instant();
        MapSqlParameterSource params = params(filter, now);
        String where = where(filter);
        Long matching = jdbc.queryForObject("select count(*) from ticket t" + from(filter) + where, params,
                Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Long> ids = jdbc.queryForList(select(filter) + " limit :limit offset :offset", params, Long.class);
        return new Board(now, counts(now), page, size, matching == null ? 0 : matching, rows(ids, now));
    }

    /** Every row the filter selects, in board order, a few hundred cases at a time (the Excel export). */
    void eachRow(Filter filter, Consumer<Row> sink) {
        Instant now = clock.instant();
        List<Long> ids = jdbc.queryForList(select(filter), params(filter, now), Long.class);
        for (int i = 0; i < ids.size(); i += 500) {
            rows(ids.subList(i, Math.min(ids.size(), i + 500)), now).forEach(sink);
        }
    }

    /** The page's cases replayed for their exact clocks, in the order of {@code ids}. */
    private List<Row> rows(List<Long> ids, Instant now) {
        Map<Long, Ticket> byId = new HashMap<>();
        searchTickets.withSite(ids).forEach(t -> byId.put(t.getId(), t));
        List<Ticket> page = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        Map<Long, List<ClockStatus>> clocks = clockEvaluation.clocks(page.stream().map(tickets::clockTicket).toList());
        Map<Long, String> policyCodes = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Ticket t : page) {
            String code = policyCodes.computeIfAbsent(t.getPolicyId(), id -> policyCatalog.policyVersion(id).code());
            rows.add(row(t, code, clocks.getOrDefault(t.getId(), List.of()), now));
        }
        return rows;
    }

    private static MapSqlParameterSource params(Filter f, Instant now) {
        return new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("level", f.level())
                .addValue("region", f.region() == null ? null : f.region().name()).addValue("engineer", f.engineer())
                .addValue("clock", f.clock() == null ? null : f.clock().name())
                .addValue("risk", f.risk() == null ? null : f.risk().name());
    }

    private static String where(Filter f) {
        StringBuilder sql = new StringBuilder(" where t.status <> 'CLOSED'");
        if (f.level() != null) {
            sql.append(" and t.level_code = :level");
        }
        if (f.region() != null) {
            sql.append(" and s.region = :region");
        }
        if (f.engineer() != null) {
            sql.append(" and t.assignee = :engineer");
        }
        ClockStatus.Risk risk = f.risk();
        if (f.clock() == null && risk == ClockStatus.Risk.OVERDUE) {
            // exact from the case: its nearest running deadline passed, or a held clock froze overdue
            return sql.append(" and ").append(OVERDUE_CASE).toString();
        }
        if (risk == ClockStatus.Risk.OVERDUE) {
            sql.append(" and ").append(OVERDUE_CASE);
        } else if (risk == ClockStatus.Risk.AT_RISK) {
            sql.append(" and ").append(AT_RISK_SPAN);
        }
        if (f.clock() != null || risk != null) {
            sql.append(" and exists (select 1 from board_clock c where c.ticket_id = t.id");
            if (f.clock() != null) {
                sql.append(" and c.clock = :clock");
            }
            if (risk != null) {
                sql.append(" and ").append(RISK).append(" = :risk");
            }
            sql.append(")");
        }
        return sql.toString();
    }

    /** The site is joined for the region filter only: every case has one (site_id not null, a foreign key). */
    private static String from(Filter f) {
        return f.region() == null ? "" : " join site s on s.id = t.site_id";
    }

    /** The ids the filter selects in board order: most urgent running clock first, paused and clockless after. */
    private static String select(Filter f) {
        String order = switch (f.sort() == null ? "remaining" : f.sort()) {
            case "level" -> "t.level_code nulls last, t.board_due nulls last, t.number";
            case "ticket" -> "t.number";
            default -> "t.board_due nulls last, t.number";
        };
        // board_due is the nearest running deadline (CacheClocks, V67): in the default order a page walks the open
        // cases' index in board order and stops, instead of ranking every open case by its clock rows (ADR 0064)
        return "select t.id from ticket t" + from(f) + where(f) + " order by " + order;
    }

    /** The counts over every open case, from two aggregate queries. */
    private Counts counts(Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
        // each case's worst risk from what it keeps (V69): one pass over the open cases' index, no clock rows
        List<LevelCount> levels = jdbc.query("select coalesce(w.level_code, '-') lvl, count(*) open_count,"
                + " sum(case when w.worst = 1 then 1 else 0 end) at_risk, sum(case when w.worst = 2 then 1 else 0 end) overdue"
                + " from (select t.level_code, " + WORST + " worst from ticket t where t.status <> 'CLOSED') w"
                + " group by coalesce(w.level_code, '-') order by lvl", params,
                (rs, i) -> new LevelCount(rs.getString("lvl"), rs.getInt("open_count"), rs.getInt("at_risk"), rs.getInt("overdue")));
        Map<String, ClockCount> byClock = new HashMap<>();
        jdbc.query("select c.clock, sum(case when c.state = 'PAUSED' then 0 else 1 end) running,"
                + " sum(case when c.state = 'PAUSED' then 1 else 0 end) paused,"
                + " sum(case when " + RISK + " = 'AT_RISK' then 1 else 0 end) at_risk,"
                + " sum(case when " + RISK + " = 'OVERDUE' then 1 else 0 end) overdue"
                + " from board_clock c join ticket t on t.id = c.ticket_id where t.status <> 'CLOSED' group by c.clock", params,
                rs -> {
                    byClock.put(rs.getString("clock"), new ClockCount(rs.getString("clock"), rs.getInt("running"),
                            rs.getInt("paused"), rs.getInt("at_risk"), rs.getInt("overdue")));
                });
        List<ClockCount> clocks = java.util.Arrays.stream(ClockName.values()).map(c -> byClock.get(c.name()))
                .filter(java.util.Objects::nonNull).toList();
        return new Counts(levels.stream().mapToInt(LevelCount::open).sum(), levels, clocks);
    }

    /**
     * A clock as the board shows it. A clock the calculator reads as paused although its deadline is already known
     * ({@code calendarDueAt}: the pause ends by itself) is stored as running towards that deadline by CacheClocks, so
     * the counts, the filters and the board's order treat it as running; its row says the same, with the real time
     * left. "Paused" on the board means held until someone resumes the clock. (A working-time clock at night is not
     * paused at all: the calendar moves its deadline, and row and counts both say running.)
     */
    static BoardClock boardClock(ClockStatus s, Instant now) {
        if (s.state() == ClockState.PAUSED && s.calendarDueAt() != null) {
            return new BoardClock(s.clock().name(), s.basis().name(), ClockState.RUNNING.name(), s.calendarDueAt(),
                    java.time.Duration.between(now, s.calendarDueAt()).getSeconds(), s.risk().name(), s.escalationLevel(),
                    s.escalationName());
        }
        return new BoardClock(s.clock().name(), s.basis().name(), s.state().name(), s.dueAt(),
                s.remaining() == null ? null : s.remaining().getSeconds(), s.risk().name(), s.escalationLevel(),
                s.escalationName());
    }

    private Row row(Ticket t, String policyCode, List<ClockStatus> statuses, Instant now) {
        List<BoardClock> live = new ArrayList<>();
        int escalation = 0;
        String escalationName = null;
        ClockStatus.Risk worst = ClockStatus.Risk.OK;
        for (ClockStatus s : statuses) {
            if (!s.state().isRunning() && s.state() != ClockState.PAUSED) {
                continue;
            }
            live.add(boardClock(s, now));
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
