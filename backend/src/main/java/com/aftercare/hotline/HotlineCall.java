package com.aftercare.hotline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One incoming hotline call (IN-10), as the phone system reported it, and the desk's callback of a missed one. */
@Entity
@Table(name = "hotline_call")
class HotlineCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "call_id")
    private String callId;
    @Column(name = "caller_number")
    private String callerNumber;
    @Column(name = "called_number")
    private String calledNumber;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    private String agent;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "callback_by")
    private String callbackBy;
    @Column(name = "callback_at")
    private Instant callbackAt;
    @Column(name = "callback_note")
    private String callbackNote;

    protected HotlineCall() {
    }

    HotlineCall(String callId, String callerNumber, String calledNumber, Instant startedAt, String reportedBy, Instant reportedAt) {
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.calledNumber = calledNumber;
        this.startedAt = startedAt;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    /** What a later report of the same call adds: only what was not known yet. */
    void complete(Instant answeredAt, Instant endedAt, String agent) {
        if (this.answeredAt == null) {
            this.answeredAt = answeredAt;
        }
        if (this.endedAt == null) {
            this.endedAt = endedAt;
        }
        if (this.agent == null) {
            this.agent = agent;
        }
    }

    void calledBack(String by, Instant at, String note) {
        this.callbackBy = by;
        this.callbackAt = at;
        this.callbackNote = note;
    }

    boolean isAnswered() {
        return answeredAt != null;
    }

    Long getId() { return id; }
    String getCallId() { return callId; }
    String getCallerNumber() { return callerNumber; }
    String getCalledNumber() { return calledNumber; }
    Instant getStartedAt() { return startedAt; }
    Instant getAnsweredAt() { return answeredAt; }
    Instant getEndedAt() { return endedAt; }
    String getAgent() { return agent; }
    String getCallbackBy() { return callbackBy; }
    Instant getCallbackAt() { return callbackAt; }
    String getCallbackNote() { return callbackNote; }
}
