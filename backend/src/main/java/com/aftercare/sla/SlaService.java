package com.aftercare.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.secrets.SigningSecret;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * SLA policies and contracts, the milestones clocks are derived from, and the clocks themselves.
 * Every change to a ticket's clocks goes through {@link #milestone} so the running escalation hears of it.
 */
@Service
public class SlaService {

    /** The policies shipped with the product (resources/sla/policies/CODE.json), seeded as version 1. */
    public static final List<String> SHIPPED_POLICIES = List.of("THREE_LEVEL", "SIX_LEVEL", "CLASS_ABCD", "DESK_HOURS");

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SlaPolicyRepository policies;
    private final ServiceContractRepository contracts;
    private final MilestoneRepository milestones;
    private final ClockLogRepository logs;
    private final HolidayService holidays;
    private final ClockSignal signal;
    private final DecisionCatalog decisions;
    private final com.aftercare.asset.AssetService assets;
    private final com.aftercare.identity.AccountService accounts;
    private final SlaSettings settings;
    private final Clock clock;
    private final OutboundTargets outbound;
    private final Map<Long, PolicyDefinition> parsed = new ConcurrentHashMap<>();

    SlaService(SlaPolicyRepository policies, ServiceContractRepository contracts, MilestoneRepository milestones,
            ClockLogRepository logs, HolidayService holidays, @Lazy ClockSignal signal, @Lazy DecisionCatalog decisions,
            com.aftercare.asset.AssetService assets, com.aftercare.identity.AccountService accounts, SlaSettings settings,
            Clock clock, OutboundTargets outbound) {
        this.policies = policies;
        this.contracts = contracts;
        this.milestones = milestones;
        this.logs = logs;
        this.holidays = holidays;
        this.signal = signal;
        this.decisions = decisions;
        this.assets = assets;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.outbound = outbound;
    }

    // ---- policies ----

    /** Seeds the shipped policies that are not in the database yet. Idempotent. */
    @Transactional
    public void ensureShippedPolicies() {
        for (String code : SHIPPED_POLICIES) {
            if (policies.findByCodeAndCurrentVersionTrue(code).isEmpty()) {
                PolicyDefinition definition = readShipped(code);
                policies.save(new SlaPolicy(code, 1, definition.name(), write(definition), clock.instant(), "system"));
            }
        }
    }

    private static PolicyDefinition readShipped(String code) {
        try (InputStream in = new ClassPathResource("sla/policies/" + code + ".json").getInputStream()) {
            PolicyDefinition definition = JSON.readValue(in, PolicyDefinition.class);
            definition.validate();
            return definition;
        } catch (IOException e) {
            throw new IllegalStateException("Shipped SLA policy " + code + " cannot be read", e);
        }
    }

    public record PolicyVersion(Long id, String code, int version, boolean current, Instant createdAt, String createdBy,
            PolicyDefinition definition) {
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> currentPolicies() {
        return policies.findByCurrentVersionTrueOrderByCode().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PolicyVersion currentPolicy(String code) {
        return view(policies.findByCodeAndCurrentVersionTrue(code)
                .orElseThrow(() -> new NotFoundException("No SLA policy " + code)));
    }

    @Transactional(readOnly = true)
    public PolicyVersion policyVersion(Long id) {
        return view(policies.findById(id).orElseThrow(() -> new NotFoundException("No SLA policy version " + id)));
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> history(String code) {
        List<SlaPolicy> versions = policies.findByCodeOrderByVersionDesc(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("No SLA policy " + code);
        }
        return versions.stream().map(this::view).toList();
    }

    /** A new policy, e.g. one contract's own terms; version 1. */
    @Transactional
    public PolicyVersion createPolicy(String code, PolicyDefinition definition) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new BadRequestException("code", "2 to 40 capital letters, digits or _ (e.g. CITY_POLICE_2026)");
        }
        if (definition == null) {
            throw new BadRequestException("body", "a policy definition is required");
        }
        validate(definition);
        if (!policies.findByCodeOrderByVersionDesc(code).isEmpty()) {
            throw new com.aftercare.common.ConflictException("SLA policy " + code + " exists; change it with PUT");
        }
        return view(policies.save(new SlaPolicy(code, 1, definition.name(), write(definition), clock.instant(),
                CurrentUser.username())));
    }

    /** A process owner's change: a new version for new tickets; open tickets keep theirs until it is applied to them. */
    @Transactional
    public PolicyVersion changePolicy(String code, PolicyDefinition definition) {
        if (definition == null) {
            throw new BadRequestException("body", "a policy definition is required");
        }
        validate(definition);
        SlaPolicy current = policies.findByCodeAndCurrentVersionTrue(code)
                .orElseThrow(() -> new NotFoundException("No SLA policy " + code));
        current.supersede();
        policies.saveAndFlush(current);
        SlaPolicy next = policies.save(new SlaPolicy(code, current.getVersion() + 1, definition.name(), write(definition),
                clock.instant(), CurrentUser.username()));
        return view(next);
    }

    /** The definition's own rules, then whether its level decision is actually deployed. */
    private void validate(PolicyDefinition definition) {
        definition.validate();
        if (!decisions.isDeployed(definition.levelDecision())) {
            throw new BadRequestException("levelDecision", "no deployed DMN decision " + definition.levelDecision()
                    + " (shipped: faultLevel, faultLevelSix, faultClass)");
        }
    }

    public PolicyDefinition definition(Long policyId) {
        return parsed.computeIfAbsent(policyId, id -> read(policies.findById(id)
                .orElseThrow(() -> new IllegalStateException("No SLA policy version " + id)).getDefinition()));
    }

    private PolicyVersion view(SlaPolicy p) {
        return new PolicyVersion(p.getId(), p.getCode(), p.getVersion(), p.isCurrentVersion(), p.getCreatedAt(),
                p.getCreatedBy(), definition(p.getId()));
    }

    private static String write(PolicyDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PolicyDefinition read(String json) {
        try {
            return JSON.readValue(json, PolicyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored SLA policy is not readable", e);
        }
    }

    // ---- contracts ----

    /** The policy version, calendar and level decision a new ticket of this customer runs under. */
    public record Assignment(Long contractId, Long policyId, String policyCode, String levelDecision, ContractTerms terms) {
    }

    @Transactional
    public Assignment assignmentFor(Long customerId) {
        Optional<ServiceContract> contract = contracts.findByCustomerId(customerId);
        String code = contract.map(ServiceContract::getPolicyCode).orElse(settings.defaultPolicy());
        SlaPolicy policy = policies.findByCodeAndCurrentVersionTrue(code).orElseGet(() -> {
            ensureShippedPolicies();
            return policies.findByCodeAndCurrentVersionTrue(code)
                    .orElseThrow(() -> new IllegalStateException("No SLA policy " + code));
        });
        return new Assignment(contract.map(ServiceContract::getId).orElse(null), policy.getId(), code,
                definition(policy.getId()).levelDecision(), contract.map(ServiceContract::terms).orElseGet(this::defaultTerms));
    }

    @Transactional(readOnly = true)
    public Optional<ServiceContract> contract(Long contractId) {
        return contractId == null ? Optional.empty() : contracts.findById(contractId);
    }

    @Transactional(readOnly = true)
    public Optional<ServiceContract> contractOfCustomer(Long customerId) {
        return contracts.findByCustomerId(customerId);
    }

    @Transactional(readOnly = true)
    public List<ServiceContract> contracts() {
        return contracts.findAll();
    }

    /**
     * Creates or changes a customer's contract; applies to tickets opened afterwards. Open tickets keep the
     * terms they were opened under until POST /api/contracts/{customerId}/apply-to-open.
     */
    @Transactional
    public ServiceContract saveContract(Long customerId, ContractSettings s) {
        if (s == null) {
            throw new BadRequestException("body", "contract settings are required");
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
            throw new BadRequestException("name", "must be 1 to 200 characters");
        }
        if (s.policyCode() == null || policies.findByCodeAndCurrentVersionTrue(s.policyCode()).isEmpty()) {
            throw new BadRequestException("policyCode", "unknown SLA policy; one of "
                    + currentPolicies().stream().map(PolicyVersion::code).toList());
        }
        if (s.calendar() == null) {
            throw new BadRequestException("calendar", "SEVEN_BY_24 or FIVE_BY_8");
        }
        List<com.aftercare.calendar.WorkingWindow> hours = WorkingHours.read(s.workingHours());
        ContractLanguage.of("language", s.language());
        if (s.zone() != null) {
            try {
                ZoneId.of(s.zone());
            } catch (DateTimeException e) {
                throw new BadRequestException("zone", "not a time zone id, e.g. Asia/Shanghai");
            }
        }
        if (assets.customers().stream().noneMatch(c -> c.getId().equals(customerId))) {
            throw new com.aftercare.common.NotFoundException("No customer " + customerId);
        }
        // a misspelt name would silently send every escalation of this role to the supervisors instead
        for (String[] person : new String[][] {{"deskLead", s.deskLead()}, {"projectManager", s.projectManager()},
                {"seniorEngineer", s.seniorEngineer()}, {"departmentHead", s.departmentHead()}}) {
            if (person[1] != null && !person[1].isBlank() && accounts.find(person[1].trim()).isEmpty()) {
                throw new BadRequestException(person[0], "no user " + person[1].trim());
            }
        }
        ServiceContract stored = contracts.findByCustomerId(customerId).orElse(null);
        AllowList allowList = AllowList.parse("webhookAllowList",
                ServiceContract.keepOrReplace(s.webhookAllowList(), stored == null ? null : stored.getWebhookAllowList()));
        webhookUrl("wecomWebhookUrl", s.wecomWebhookUrl(), allowList);
        webhookUrl("dingtalkWebhookUrl", s.dingtalkWebhookUrl(), allowList);
        String secretProblem = s.dingtalkSecret() == null || s.dingtalkSecret().isBlank() ? null
                : SigningSecret.problem(s.dingtalkSecret().strip());
        if (secretProblem != null) {
            throw new BadRequestException("dingtalkSecret", secretProblem);
        }
        ServiceContract contract = contracts.findByCustomerId(customerId).orElseGet(() -> new ServiceContract(customerId));
        contract.update(s, hours);
        return contracts.save(contract);
    }

    /**
     * A group-robot webhook as sent: null keeps the stored one, blank removes it, anything else must
     * pass the outbound rule (https, a public address unless the contract's allow-list says otherwise).
     */
    private void webhookUrl(String field, String url, AllowList allowList) {
        if (url == null || url.isBlank()) {
            return;
        }
        outbound.checkUrl(field, url.strip(), OutboundTargets.Use.WEBHOOK, allowList);
    }

    /** The working-time calendar a ticket's clocks run on, from the contract terms it holds. */
    public BusinessCalendar workingCalendar(ContractTerms terms) {
        return terms.workingCalendar(holidays.current());
    }

    /** What a ticket without a contract runs on: the configured calendar in the service zone, default hours. */
    public ContractTerms defaultTerms() {
        return new ContractTerms(settings.defaultCalendar(), clock.getZone(), null);
    }

    /**
     * The terms of a ticket that holds none (opened before tickets kept them, without a contract): the
     * configured default, as before.
     */
    public ContractTerms termsOrDefault(ContractTerms held) {
        return held != null ? held : defaultTerms();
    }

    // ---- milestones and clocks ----

    /** Records a fact the clocks react to and tells the ticket's escalation to look again. */
    @Transactional
    public void milestone(Long ticketId, MilestoneKind kind, Instant at, String detail) {
        // millisecond precision: what every database stores the same way, so a replay sees the same order
        milestones.save(new Milestone(ticketId, kind, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                CurrentUser.username(), truncate(detail, 2000)));
        signal.clocksChanged(ticketId);
    }

    @Transactional
    public void milestone(Long ticketId, MilestoneKind kind, String detail) {
        milestone(ticketId, kind, clock.instant(), detail);
    }

    /** Whether the policy pauses clocks in this state (a hold reason or a ticket status). */
    public boolean pauses(Long policyId, String state) {
        return state != null && definition(policyId).pauseOn().contains(state);
    }

    @Transactional(readOnly = true)
    public List<Milestone> milestones(Long ticketId) {
        return milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    @Transactional(readOnly = true)
    public List<ClockStatus> clocks(ClockTicket ticket) {
        return clocks(ticket, milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()),
                logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()), clock.instant());
    }

    /** Clocks of many tickets at once (the supervisor board): two queries, not two per ticket. */
    @Transactional(readOnly = true)
    public Map<Long, List<ClockStatus>> clocks(Collection<ClockTicket> tickets) {
        List<Long> ids = tickets.stream().map(ClockTicket::ticketId).toList();
        Map<Long, List<Milestone>> byTicket = new java.util.HashMap<>();
        Map<Long, List<ClockLog>> logsByTicket = new java.util.HashMap<>();
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            milestones.findByTicketIdInOrderByOccurredAtAscIdAsc(chunk)
                    .forEach(m -> byTicket.computeIfAbsent(m.getTicketId(), k -> new ArrayList<>()).add(m));
            logs.findByTicketIdInOrderByOccurredAtAscIdAsc(chunk)
                    .forEach(l -> logsByTicket.computeIfAbsent(l.getTicketId(), k -> new ArrayList<>()).add(l));
        }
        // one calendar per set of terms, not one per ticket
        Map<ContractTerms, BusinessCalendar> calendars = new java.util.HashMap<>();
        return tickets.stream().collect(Collectors.toMap(ClockTicket::ticketId, t -> new ClockCalculator(definition(t.policyId()),
                calendars.computeIfAbsent(termsOrDefault(t.terms()), this::workingCalendar))
                .clocks(new ClockCalculator.Subject(t.levelCode(), t.region()), byTicket.getOrDefault(t.ticketId(), List.of()),
                        logsByTicket.getOrDefault(t.ticketId(), List.of()), now)));
    }

    private List<ClockStatus> clocks(ClockTicket t, List<Milestone> ms, List<ClockLog> ls, Instant now) {
        return calculator(t).clocks(new ClockCalculator.Subject(t.levelCode(), t.region()), ms, ls, now);
    }

    private ClockCalculator calculator(ClockTicket t) {
        return new ClockCalculator(definition(t.policyId()), workingCalendar(termsOrDefault(t.terms())));
    }

    // ---- escalation: what the escalation process asks and records ----

    public enum Outcome {
        /** The ticket is closed and no clock is left running: the escalation process ends. */
        FINISHED,
        /** A clock stopped while escalated: tell its recipients it is over. */
        DEESCALATE,
        /** Nothing is scheduled (paused, not started, or no rung left): wait until the clocks change. */
        WAIT,
        /** Wait for {@code nextAt}, or until the clocks change, whichever is first. */
        TIMER
    }

    public record Evaluation(Outcome outcome, Instant nextAt, List<ClockStatus> clocks) {
    }

    /**
     * Derives the clocks now, records each newly stopped clock as met or missed (with its margin), and
     * says what the escalation process does next.
     */
    @Transactional
    public Evaluation evaluate(ClockTicket ticket) {
        Instant now = clock.instant();
        List<ClockLog> ticketLogs = logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId());
        List<ClockStatus> statuses = clocks(ticket, milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()),
                ticketLogs, now);
        boolean deEscalate = false;
        boolean anyLive = false;
        Instant next = null;
        for (ClockStatus s : statuses) {
            if (s.state() == ClockState.MET || s.state() == ClockState.MISSED) {
                boolean recorded = ticketLogs.stream().anyMatch(l -> l.getClock() == s.clock()
                        && (l.getKind() == ClockLog.Kind.MET || l.getKind() == ClockLog.Kind.MISSED)
                        && !l.getOccurredAt().isBefore(s.stoppedAt()));
                if (!recorded) {
                    logs.save(new ClockLog(ticket.ticketId(), s.clock(),
                            s.state() == ClockState.MET ? ClockLog.Kind.MET : ClockLog.Kind.MISSED, s.stoppedAt(), s.dueAt(),
                            s.escalationLevel(), s.escalationName(), (s.state() == ClockState.MET ? "met, margin " : "missed by ")
                                    + Durations.human(s.margin().abs())));
                }
            }
            if (s.state().isStopped() && s.escalationLevel() > 0) {
                deEscalate = true;
            }
            if (s.state().isRunning() || s.state() == ClockState.PAUSED
                    || s.state() == ClockState.NOT_STARTED && s.applicable() && !ticket.closed()) {
                anyLive = true;
            }
            if (s.nextEscalationAt() != null && (next == null || s.nextEscalationAt().isBefore(next))) {
                next = s.nextEscalationAt();
            }
        }
        if (deEscalate) {
            return new Evaluation(Outcome.DEESCALATE, null, statuses);
        }
        if (ticket.closed() && !anyLive) {
            return new Evaluation(Outcome.FINISHED, null, statuses);
        }
        return next == null ? new Evaluation(Outcome.WAIT, null, statuses) : new Evaluation(Outcome.TIMER, next, statuses);
    }

    /** One rung of the ladder for one clock, and the instant it became due. */
    public record Rung(int level, PolicyDefinition.EscalationStep step, Instant dueAt) {
    }

    /**
     * What one clock owes at this instant: the rungs crossed since the last recorded level, lowest first (more than
     * one when the run is late or a level change shortened the clock), or a repeat of the current rung. The highest
     * rung is the clock's new level; {@code owedSince} is when the first of them could have been sent, so
     * now - owedSince is how late this run is.
     */
    public record DueEscalation(ClockName clock, List<Rung> rungs, boolean repeat, ClockStatus status, Instant owedSince) {
        public DueEscalation {
            rungs = List.copyOf(rungs);
            if (rungs.isEmpty()) {
                throw new IllegalArgumentException("a due escalation has at least one rung");
            }
        }

        /** The rung the clock ends on. */
        public Rung highest() {
            return rungs.get(rungs.size() - 1);
        }

        public int level() {
            return highest().level();
        }

        public PolicyDefinition.EscalationStep step() {
            return highest().step();
        }

        /** When the first owed rung was due. */
        public Instant firstDueAt() {
            return rungs.get(0).dueAt();
        }
    }

    /** The escalations due at this instant; the caller notifies and then {@link #recordEscalation records} them. */
    @Transactional(readOnly = true)
    public List<DueEscalation> dueEscalations(ClockTicket ticket) {
        Instant now = clock.instant();
        List<Milestone> ms = milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId());
        List<ClockStatus> statuses = clocks(ticket, ms, logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()), now);
        PolicyDefinition policy = definition(ticket.policyId());
        ClockCalculator calculator = calculator(ticket);
        List<DueEscalation> due = new ArrayList<>();
        for (ClockStatus s : statuses) {
            if (!s.state().isRunning() || s.nextEscalationAt() == null || s.nextEscalationAt().isAfter(now)) {
                continue;
            }
            // every rung crossed since the recorded level is owed, so a late run still tells the lower rungs' people
            List<Rung> crossed = calculator.reachedRungs(s.clock(),
                    new ClockCalculator.Subject(ticket.levelCode(), ticket.region()), ms, now).stream()
                    .filter(r -> r.level() > s.escalationLevel())
                    .map(r -> new Rung(r.level(), policy.escalation().get(r.level() - 1), r.at()))
                    .toList();
            if (!crossed.isEmpty()) {
                due.add(new DueEscalation(s.clock(), crossed, false, s, owedSince(crossed.get(0).dueAt(), ms)));
            } else if (s.escalationLevel() > 0) {
                // a policy changed to a shorter ladder repeats its top rung
                int rung = Math.min(s.escalationLevel(), policy.escalation().size());
                due.add(new DueEscalation(s.clock(), List.of(new Rung(rung, policy.escalation().get(rung - 1),
                        s.nextEscalationAt())), true, s, s.nextEscalationAt()));
            }
        }
        return due;
    }

    /**
     * Since when a rung has been owed: its due time, unless a shorter target (a level or policy change) put that
     * due time in the past after the fact; then only since the change, which is when escalation could first know.
     */
    private static Instant owedSince(Instant dueAt, List<Milestone> ms) {
        Instant owed = dueAt;
        for (Milestone m : ms) {
            if ((m.getKind() == MilestoneKind.LEVEL || m.getKind() == MilestoneKind.POLICY) && m.getOccurredAt().isAfter(owed)) {
                owed = m.getOccurredAt();
            }
        }
        return owed;
    }

    /** Records one rung of a due escalation as reached now (one row per rung, so the ladder's history has no gaps). */
    @Transactional
    public void recordEscalation(Long ticketId, ClockName clockName, Rung rung, String detail) {
        logs.save(new ClockLog(ticketId, clockName, ClockLog.Kind.ESCALATED, clock.instant(), rung.dueAt(), rung.level(),
                rung.step().name(), truncate(detail, 1000)));
    }

    @Transactional
    public void recordDeEscalation(Long ticketId, ClockStatus s, String detail) {
        logs.save(new ClockLog(ticketId, s.clock(), ClockLog.Kind.DEESCALATED, clock.instant(), s.dueAt(), 0, null,
                truncate(detail, 1000)));
    }

    /** What escalation did with this ticket's clocks, oldest first. */
    @Transactional(readOnly = true)
    public List<ClockLog> clockLog(Long ticketId) {
        return logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    /** Every escalation recorded, for the timer benchmark: lateness = occurredAt - dueAt. */
    @Transactional(readOnly = true)
    public List<ClockLog> escalationsRecorded() {
        return logs.findByKindOrderByIdAsc(ClockLog.Kind.ESCALATED);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
