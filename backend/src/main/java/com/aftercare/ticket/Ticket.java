package com.aftercare.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractTerms;

/**
 * A service ticket (IN-2). Its number is derived from the sequence id so it is unique without a
 * second counter. State changes come from the process steps, in the same transaction.
 */
@Entity
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticketSeq")
    @SequenceGenerator(name = "ticketSeq", sequenceName = "ticket_seq", allocationSize = 1)
    private Long id;
    /** INC-yyyy-nnnnnn, derived from the id; written once, right after the insert. */
    private String number;
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;
    /** SHA-256 of who reported and what (see ReportFingerprint); null for tickets from before V12. */
    @Column(name = "idempotency_fingerprint", updatable = false)
    private String idempotencyFingerprint;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "requester_name")
    private String requesterName;
    @Column(name = "requester_unit")
    private String requesterUnit;
    @Column(name = "requester_phone")
    private String requesterPhone;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "device_id")
    private Device device;
    @Enumerated(EnumType.STRING)
    private Category category;
    @Enumerated(EnumType.STRING)
    @Column(name = "request_type")
    private RequestType requestType = RequestType.FAULT;
    @Enumerated(EnumType.STRING)
    @Column(name = "service_item")
    private ServiceItem serviceItem;
    @Column(name = "request_due")
    private Instant requestDue;
    @Enumerated(EnumType.STRING)
    private Grade impact;
    @Enumerated(EnumType.STRING)
    private Grade urgency;
    /** A level code of the ticket's SLA policy: "1"-"3", "0"-"5" or "A"-"D". */
    @Column(name = "level_code")
    private String level;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "policy_id")
    private Long policyId;
    /** The contract terms its clocks run on, copied at opening (see ContractTerms); null on older tickets without a contract. */
    @Enumerated(EnumType.STRING)
    @Column(name = "calendar_kind")
    private CalendarKind calendarKind;
    @Column(name = "calendar_zone")
    private String calendarZone;
    @Column(name = "working_hours")
    private String workingHours;
    /** WAITING_CUSTOMER or WAITING_PARTS while the case is on hold; null otherwise. */
    @Column(name = "hold_reason")
    private String holdReason;
    /** Highest escalation rung any clock has reached (cached for lists; the clock log is the record). */
    @Column(name = "escalation_level")
    private int escalationLevel;
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    private String assignee;
    private String title;
    private String description;
    @Column(name = "desk_note")
    private String deskNote;
    private String symptom;
    private String cause;
    private String solution;
    private String prevention;
    @Column(name = "third_party_name")
    private String thirdPartyName;
    @Column(name = "callback_outcome")
    private String callbackOutcome;
    private Integer satisfaction;
    @Column(name = "customer_feedback")
    private String customerFeedback;
    @Column(name = "reopen_count")
    private int reopenCount;
    private boolean escalated;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "response_due")
    private Instant responseDue;
    @Column(name = "resolution_due")
    private Instant resolutionDue;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    /** When {@link CacheClocks} first wrote this ticket's clocks (board_clock); null: never (V55). */
    @Column(name = "clocks_cached_at")
    private Instant clocksCachedAt;
    /**
     * The nearest deadline of the case's running clocks (its board_clock rows); null: none running. The supervisor
     * board's order, kept here so that a page walks an index instead of ranking every open case (ADR 0064). A cache:
     * it changes no version (a user's edit is not refused because a clock moved) and is no audit entry.
     */
    @Column(name = "board_due")
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private Instant boardDue;
    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(NewTicket r, Site site, Device device, String idempotencyKey, Instant now, Long contractId, Long policyId,
            ContractTerms terms) {
        this.channel = r.channel();
        this.requesterName = r.requesterName().trim();
        this.requesterUnit = r.requesterUnit();
        this.requesterPhone = r.requesterPhone().trim();
        this.site = site;
        this.device = device;
        this.category = r.category();
        this.requestType = r.type();
        this.serviceItem = r.serviceItem();
        this.impact = r.impact();
        this.urgency = r.urgency();
        this.title = r.title().trim();
        this.description = r.description().trim();
        this.idempotencyKey = idempotencyKey;
        this.status = TicketStatus.NEW;
        this.createdAt = now;
        this.updatedAt = now;
        this.receivedAt = r.receivedAt() == null ? now : r.receivedAt();
        this.contractId = contractId;
        this.policyId = policyId;
        holdTerms(terms);
    }

    void rememberRequest(String fingerprint) {
        this.idempotencyFingerprint = fingerprint;
    }

    String getIdempotencyFingerprint() { return idempotencyFingerprint; }

    void assignNumber(int year) {
        this.number = String.format("INC-%d-%06d", year, id);
    }

    void startedProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void applyLevel(String level) {
        this.level = level;
    }

    void applyPolicy(Long policyId) {
        this.policyId = policyId;
    }

    /** A process owner applied the contract's current terms to this open ticket. */
    void applyContract(Long contractId, ContractTerms terms) {
        this.contractId = contractId;
        holdTerms(terms);
    }

    private void holdTerms(ContractTerms terms) {
        this.calendarKind = terms.calendar();
        this.calendarZone = terms.zone().getId();
        this.workingHours = ContractTerms.format(terms.workingHours());
    }

    /** The contract terms its clocks run on; null if it holds none (then the configured default applies). */
    public ContractTerms terms() {
        if (calendarKind == null) {
            return null;
        }
        return new ContractTerms(calendarKind, calendarZone == null ? java.time.ZoneId.of("Asia/Shanghai")
                : java.time.ZoneId.of(calendarZone), ContractTerms.parse(workingHours));
    }

    /** The due time of the request type's own clock (complaint reply, service fulfilment, consultation answer). */
    void requestDue(Instant due) {
        this.requestDue = due;
    }

    /** A request's own clock ran out and someone above was told (the policy clocks escalate through cacheClocks). */
    void markEscalated() {
        this.escalated = true;
    }

    void hold(String reason) {
        this.holdReason = reason;
    }

    /** The clock engine's latest answer, kept on the row so lists and filters need no replay. */
    void cacheClocks(Instant responseDue, Instant resolutionDue, int escalationLevel, Instant boardDue, Instant at) {
        // set once: a write on every evaluation would move the row's version under a user's edit for nothing
        if (this.clocksCachedAt == null) {
            this.clocksCachedAt = at;
        }
        this.responseDue = responseDue;
        this.resolutionDue = resolutionDue;
        this.escalationLevel = escalationLevel;
        this.boardDue = boardDue;
        if (escalationLevel > 0) {
            this.escalated = true;
        }
    }

    void changeStatus(TicketStatus status) {
        this.status = status;
    }

    void assignTo(String engineer) {
        this.assignee = engineer;
    }

    void markResponded(Instant at) {
        if (respondedAt == null) {
            respondedAt = at;
        }
    }

    void markResolved(Instant at) {
        resolvedAt = at;
    }

    void reopen() {
        reopenCount++;
        resolvedAt = null;
        callbackOutcome = null;
    }

    /** A closed case taken up again (the requester wrote back soon after closing): open, at the desk, not resolved. */
    void reopenClosed() {
        reopen();
        closedAt = null;
        status = TicketStatus.AT_DESK;
    }

    void close(Instant at) {
        status = TicketStatus.CLOSED;
        closedAt = at;
    }

    /** Copies what a completed form said onto the record (FW-2: cause, method, prevention; callback feedback). */
    void recordFormValue(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return; // a field left empty on a later round keeps what an earlier round recorded
        }
        String text = value.toString();
        switch (field) {
            case "category" -> category = Category.valueOf(text);
            case "deskNote" -> deskNote = text;
            case "symptom" -> symptom = text;
            case "cause" -> cause = text;
            case "solution" -> solution = text;
            case "prevention" -> prevention = text;
            case "thirdPartyName" -> thirdPartyName = text;
            case "thirdPartyResult" -> solution = "Third party: " + text;
            case "callbackOutcome" -> callbackOutcome = text;
            case "satisfaction" -> satisfaction = Integer.valueOf(text);
            case "customerFeedback" -> customerFeedback = text;
            default -> { /* other fields live only in the timeline and the process */ }
        }
    }

    public boolean isOverdue(Instant now) {
        return responseOverdue(now) || resolutionOverdue(now);
    }

    public boolean responseOverdue(Instant now) {
        return status != TicketStatus.CLOSED && respondedAt == null && responseDue != null && responseDue.isBefore(now);
    }

    public boolean resolutionOverdue(Instant now) {
        return status != TicketStatus.CLOSED && resolvedAt == null && resolutionDue != null && resolutionDue.isBefore(now);
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Channel getChannel() { return channel; }
    public String getRequesterName() { return requesterName; }
    public String getRequesterUnit() { return requesterUnit; }
    public String getRequesterPhone() { return requesterPhone; }
    public Site getSite() { return site; }
    public Device getDevice() { return device; }
    public Category getCategory() { return category; }
    public RequestType getRequestType() { return requestType; }
    public ServiceItem getServiceItem() { return serviceItem; }
    public Instant getRequestDue() { return requestDue; }
    public Grade getImpact() { return impact; }
    public Grade getUrgency() { return urgency; }
    public String getLevel() { return level; }
    public Instant getReceivedAt() { return receivedAt; }
    public Long getContractId() { return contractId; }
    public Long getPolicyId() { return policyId; }
    public String getHoldReason() { return holdReason; }
    public int getEscalationLevel() { return escalationLevel; }
    public TicketStatus getStatus() { return status; }
    public String getAssignee() { return assignee; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getDeskNote() { return deskNote; }
    public String getSymptom() { return symptom; }
    public String getCause() { return cause; }
    public String getSolution() { return solution; }
    public String getPrevention() { return prevention; }
    public String getThirdPartyName() { return thirdPartyName; }
    public String getCallbackOutcome() { return callbackOutcome; }
    public Integer getSatisfaction() { return satisfaction; }
    public String getCustomerFeedback() { return customerFeedback; }
    public int getReopenCount() { return reopenCount; }
    public boolean isEscalated() { return escalated; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getResponseDue() { return responseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
}
