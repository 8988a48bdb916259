package com.aftercare.ticket.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aftercare.identity.PersonNames;
import com.aftercare.labels.Labels;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractTerms;

/**
 * Turns a {@link CaseEvent} into what a person reads, in Simplified Chinese or English and never a mix: a
 * timeline line, and for escalations the subject and the one-line text of a WeCom/DingTalk/e-mail message.
 * Codes become labels from {@link Labels}; the sentence patterns are the "caseEvent" texts of the same bundles.
 * Times are shown in the zone the caller gives (the contract's), to the minute. People are named by their display
 * names ({@link PersonNames}); the events keep user names, so a renamed account reads right in old lines too.
 */
@Component
public class CaseEventTexts {

    private static final Logger log = LoggerFactory.getLogger(CaseEventTexts.class);
    /** Digits only, so the same pattern reads right in both languages. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Form fields whose value is a user name: the dispatch form's engineer (looked up among the engineers). */
    private static final java.util.Set<String> PERSON_FIELDS = java.util.Set.of("engineer");

    private final Labels labels;
    private final PersonNames names;

    /** For tests of wording without accounts: people are named by their user names. */
    public CaseEventTexts(Labels labels) {
        this(labels, PersonNames.AS_GIVEN);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CaseEventTexts(Labels labels, PersonNames names) {
        this.labels = labels;
        this.names = names;
    }

    /** Typed text that the sentence goes on after: without its own full stop, so that "。。" does not appear. */
    private static String clause(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("[。．.;；，,\\s]+$", "");
    }

    /** A person named in a line, by display name. */
    private String person(String username) {
        return names.of(username);
    }

    /** The event as one line of the case's timeline. */
    public String line(CaseEvent event, Locale locale, ZoneId zone) {
        Locale lang = Labels.language(locale);
        if (event instanceof CaseEvent.Created e) {
            return e.receivedAt() == null
                    ? text(lang, "created", "number", e.number(), "channel", label(lang, "channel", e.channel()), "title", e.title())
                    : text(lang, "createdReceivedAt", "number", e.number(), "channel", label(lang, "channel", e.channel()),
                        "receivedAt", time(e.receivedAt(), zone), "title", e.title());
        }
        if (event instanceof CaseEvent.PolicyAdopted e) {
            return text(lang, "policyAdopted", "policy", policy(lang, e.policyCode()));
        }
        if (event instanceof CaseEvent.LevelFallback e) {
            return text(lang, "levelFallback", "decided", level(lang, e.decided()),
                    "level", level(lang, e.level()));
        }
        if (event instanceof CaseEvent.LevelDecided e) {
            return text(lang, "levelDecided", "level", level(lang, e.level()),
                    "impact", grade(lang, e.impact()), "urgency", grade(lang, e.urgency()));
        }
        if (event instanceof CaseEvent.LevelChanged e) {
            return blank(e.reason())
                    ? text(lang, "levelChanged", "from", level(lang, e.from()), "to", level(lang, e.to()))
                    : text(lang, "levelChangedBecause", "from", level(lang, e.from()), "to", level(lang, e.to()),
                        "reason", e.reason());
        }
        if (event instanceof CaseEvent.PolicyChanged e) {
            return text(lang, "policyChanged", "policy", policy(lang, e.policyCode()),
                    "version", e.version());
        }
        if (event instanceof CaseEvent.ContractTermsChanged e) {
            return text(lang, "contractTermsChanged", "from", terms(lang, e.from()),
                    "to", terms(lang, e.to()));
        }
        if (event instanceof CaseEvent.HolidayCalendarApplied e) {
            if (e.moved() == null || e.moved().isEmpty()) {
                return text(lang, "holidayCalendarAppliedRungs", "year", e.year());
            }
            List<String> moves = e.moved().stream().map(m -> text(lang, "dueMoved", "clock", label(lang, "clock", m.clock()),
                    "from", time(m.from(), zone), "to", time(m.to(), zone))).toList();
            return text(lang, "holidayCalendarApplied", "year", e.year(), "moves", String.join(text(lang, "fieldSeparator"), moves));
        }
        if (event instanceof CaseEvent.ClocksPaused e) {
            return text(lang, "clocksPaused", "reason", pauseReason(lang, e.reason()));
        }
        if (event instanceof CaseEvent.ClocksResumed e) {
            return e.cause() == null ? text(lang, "clocksResumed")
                    : text(lang, "clocksResumedBecause", "cause", pauseReason(lang, e.cause()));
        }
        if (event instanceof CaseEvent.OnHold e) {
            return blank(e.note())
                    ? text(lang, "onHold", "reason", label(lang, "holdReason", e.reason()))
                    : text(lang, "onHoldNote", "reason", label(lang, "holdReason", e.reason()), "note", e.note());
        }
        if (event instanceof CaseEvent.HoldReleased e) {
            return e.reason() == null ? text(lang, "holdReleased")
                    : text(lang, "holdReleasedReason", "reason", label(lang, "holdReason", e.reason()));
        }
        if (event instanceof CaseEvent.ArrivedOnSite e) {
            return text(lang, "arrivedOnSite", "engineer", person(e.engineer()), "site", e.siteName());
        }
        if (event instanceof CaseEvent.DeliverableSubmitted e) {
            return text(lang, "deliverableSubmitted",
                    "kind", label(lang, "deliverable", e.kind()), "text", e.text());
        }
        if (event instanceof CaseEvent.AbnormalEventReported e) {
            return text(lang, e.technical() ? "abnormalTechnical" : "abnormalOther",
                    "description", e.description());
        }
        if (event instanceof CaseEvent.AbnormalEventTakenUp e) {
            return text(lang, "abnormalTakenUp", "by", person(e.by()));
        }
        if (event instanceof CaseEvent.DelayReported e) {
            return text(lang, "delayReported", "reason", e.reason());
        }
        if (event instanceof CaseEvent.Assigned e) {
            return blank(e.engineer()) ? text(lang, "assignedToAll")
                    : text(lang, "assigned", "engineer", person(e.engineer()));
        }
        if (event instanceof CaseEvent.TaskCompleted e) {
            return taskCompleted(lang, e, zone);
        }
        if (event instanceof CaseEvent.Responded e) {
            return e.lateAfter() == null ? text(lang, "responded")
                    : text(lang, "respondedLate", "due", time(e.lateAfter(), zone));
        }
        if (event instanceof CaseEvent.Resolved e) {
            return e.how() == null ? text(lang, "resolved")
                    : text(lang, e.late() ? "resolvedLate" : "resolvedHow", "how", label(lang, "resolution", e.how()));
        }
        if (event instanceof CaseEvent.Reopened) {
            return text(lang, "reopened");
        }
        if (event instanceof CaseEvent.Closed) {
            return text(lang, "closed");
        }
        if (event instanceof CaseEvent.ReportOverdue e) {
            return text(lang, "reportOverdue", "engineer", blank(e.engineer()) ? "-" : person(e.engineer()),
                    "due", e.due() == null ? "-" : labels.duration(lang, e.due()));
        }
        if (event instanceof CaseEvent.SentToVendor e) {
            return text(lang, "sentToVendor", "vendor", e.vendor(), "slip", e.slipNumber(),
                    "due", e.expectedReturn() == null ? "-" : time(e.expectedReturn(), zone));
        }
        if (event instanceof CaseEvent.VendorReturnOverdue e) {
            return text(lang, "vendorReturnOverdue", "vendor", e.vendor(), "slip", e.slipNumber(),
                    "due", e.due() == null ? "-" : time(e.due(), zone));
        }
        if (event instanceof CaseEvent.BackFromVendor e) {
            return text(lang, e.late() ? "backFromVendorLate" : "backFromVendor", "vendor", e.vendor(), "slip", e.slipNumber(),
                    "outcome", label(lang, "repairOutcome", e.outcome()));
        }
        if (event instanceof CaseEvent.ProgressReportDue e) {
            return blank(e.engineer()) ? text(lang, "progressReportDueDesk")
                    : text(lang, "progressReportDue", "engineer", person(e.engineer()));
        }
        if (event instanceof CaseEvent.ProgressReportLate e) {
            String due = e.dueSince() == null ? "-" : time(e.dueSince(), zone);
            return blank(e.engineer()) ? text(lang, "progressReportLateDesk", "due", due)
                    : text(lang, "progressReportLate", "engineer", person(e.engineer()), "due", due);
        }
        if (event instanceof CaseEvent.ProgressReported e) {
            return text(lang, "progressReported", "vendor", e.vendor(), "report", e.report());
        }
        if (event instanceof CaseEvent.LoanerInstalled e) {
            return text(lang, "loanerInstalled", "model", e.model(), "serial", e.serial());
        }
        if (event instanceof CaseEvent.LoanerCollected e) {
            return text(lang, "loanerCollected", "model", e.model(), "serial", e.serial());
        }
        if (event instanceof CaseEvent.StockLow e) {
            return text(lang, "stockLow", "part", e.part(), "partNumber", e.partNumber(), "onHand", String.valueOf(e.onHand()),
                    "unit", blank(e.unit()) ? "" : e.unit(), "alarmLevel", String.valueOf(e.alarmLevel()));
        }
        if (event instanceof CaseEvent.StaleStockWarned e) {
            return text(lang, "staleStockWarned", "year", e.year(), "month", e.month(), "batches", e.batches(), "quantity",
                    e.quantity(), "staleBefore", String.valueOf(e.staleBefore()));
        }
        if (event instanceof CaseEvent.RepeatRepairFlagged e) {
            return text(lang, "repeatRepair", "number", e.earlierNumber());
        }
        if (event instanceof CaseEvent.RequestClockStarted e) {
            return text(lang, "requestClockStarted", "request", request(lang, e.requestType(), e.serviceItem()),
                    "due", e.due() == null ? "-" : time(e.due(), zone));
        }
        if (event instanceof CaseEvent.RequestOverdue e) {
            return text(lang, "requestOverdue", "request", request(lang, e.requestType(), e.serviceItem()),
                    "due", e.due() == null ? "-" : time(e.due(), zone), "notified", blank(e.notified()) ? "-" : e.notified());
        }
        if (event instanceof CaseEvent.ComplaintOwnerAssigned e) {
            return text(lang, "complaintOwnerAssigned", "owner", person(e.owner()));
        }
        if (event instanceof CaseEvent.ComplaintReplied e) {
            return text(lang, "complaintReplied", "owner", person(e.owner()), "reply", e.reply());
        }
        if (event instanceof CaseEvent.QuoteAnswered e) {
            return text(lang, e.approved() ? "quoteApproved" : "quoteRefused", "by", blank(e.by()) ? "-" : person(e.by()),
                    "reason", blank(e.reason()) ? "-" : e.reason());
        }
        if (event instanceof CaseEvent.ReplacementProposed e) {
            return text(lang, "replacementProposed", "cause", labels.label(lang, "replacementCause", e.cause()),
                    "model", blank(e.model()) ? "-" : e.model());
        }
        if (event instanceof CaseEvent.ReplacementAnswered e) {
            return text(lang, e.approved() ? "replacementApproved" : "replacementRefused", "by", blank(e.by()) ? "-" : person(e.by()),
                    "reason", blank(e.reason()) ? "-" : e.reason());
        }
        if (event instanceof CaseEvent.DeviceReplaced e) {
            return text(lang, e.scrapped() ? "deviceReplacedScrapped" : "deviceReplaced", "old", e.oldDevice(),
                    "new", e.newDevice());
        }
        if (event instanceof CaseEvent.PartHandedOver e) {
            return text(lang, "partHandedOver", "part", e.part(), "to", e.handedTo());
        }
        if (event instanceof CaseEvent.RepairReportsReady e) {
            return "QUARTERLY".equals(e.kind())
                    ? text(lang, "repairListReady", "year", e.year(), "quarter", e.number(), "files", e.files())
                    : text(lang, "repairSummaryReady", "year", e.year(), "month", e.number(), "files", e.files());
        }
        if (event instanceof CaseEvent.ChangeSubmitted e) {
            return text(lang, e.major() ? "changeSubmittedMajor" : "changeSubmitted", "number", e.number(), "title", e.title(),
                    "customer", e.customer(), "by", person(e.requestedBy()));
        }
        if (event instanceof CaseEvent.ChangeDecided e) {
            return text(lang, !e.approved() ? "changeRejected" : blank(e.note()) ? "changeApproved" : "changeApprovedWithNote", "number", e.number(), "title", e.title(),
                    "by", person(e.by()), "note", blank(e.note()) ? "-" : e.note());
        }
        if (event instanceof CaseEvent.ChangeTested e) {
            return text(lang, e.passed() ? "changeTestPassed" : "changeTestFailed", "number", e.number(), "title", e.title(),
                    "by", person(e.by()), "note", blank(e.note()) ? "-" : e.note());
        }
        if (event instanceof CaseEvent.ChangeAnnounced e) {
            return text(lang, e.rescheduled() ? "changeRescheduled" : "changeAnnounced", "number", e.number(), "title", e.title(),
                    "customer", e.customer(), "start", time(e.start(), zone), "end", time(e.end(), zone), "impact", clause(e.impact()),
                    "fallback", e.fallback());
        }
        if (event instanceof CaseEvent.ChangeCancelled e) {
            return text(lang, "changeCancelled", "number", e.number(), "title", e.title(), "start", time(e.start(), zone),
                    "reason", blank(e.reason()) ? "-" : e.reason());
        }
        if (event instanceof CaseEvent.ChangeWindowOpened e) {
            return text(lang, "changeWindowOpened", "number", e.number(), "title", e.title(), "end", time(e.end(), zone));
        }
        if (event instanceof CaseEvent.ChangeOverrun e) {
            return text(lang, "changeOverrun", "number", e.number(), "title", e.title(), "end", time(e.end(), zone),
                    "implementer", person(e.implementer()));
        }
        if (event instanceof CaseEvent.ChangeFinished e) {
            return text(lang, "ROLLED_BACK".equals(e.outcome()) ? "changeRolledBack" : "changeSucceeded", "number", e.number(),
                    "title", e.title(), "note", blank(e.note()) ? "-" : e.note());
        }
        if (event instanceof CaseEvent.WeatherWarningReceived e) {
            return text(lang, e.inspections() == 0 ? "weatherWarningNone" : "weatherWarning", "title", e.title(),
                    "level", label(lang, "warningLevel", e.level()), "hazard", label(lang, "inspection.hazard", e.hazard()),
                    "count", e.inspections());
        }
        if (event instanceof CaseEvent.ChangeNotAccepted e) {
            return text(lang, "changeNotAccepted", "number", e.number(), "title", e.title(), "by", e.by(), "opinion",
                    e.opinion());
        }
        if (event instanceof CaseEvent.ConfigItemNamed e) {
            return text(lang, e.named() ? "configItemNamed" : "configItemUnnamed", "number", e.number(), "name", e.name());
        }
        if (event instanceof CaseEvent.CausedByChange e) {
            return text(lang, !e.caused() ? "causedByChangeWithdrawn" : blank(e.note()) ? "causedByChange" : "causedByChangeWithNote",
                    "number", e.number(), "title", e.title(), "note", blank(e.note()) ? "-" : e.note());
        }
        if (event instanceof CaseEvent.HotlineCallMissed e) {
            return e.caller() == null
                    ? text(lang, "hotlineCallMissed", "number", e.callerNumber(), "due", time(e.replyDue(), zone))
                    : text(lang, "hotlineCallMissedKnown", "number", e.callerNumber(), "caller", e.caller(), "due",
                            time(e.replyDue(), zone));
        }
        if (event instanceof CaseEvent.SecurityIncidentReported e) {
            return text(lang, "securityIncidentReported", "number", e.number(), "title", e.title(), "customer", e.customer(),
                    "kind", labels.label(lang, "securityKind", e.kind()), "impact", labels.label(lang, "securityImpact", e.impact()),
                    "by", person(e.reportedBy()));
        }
        if (event instanceof CaseEvent.InspectionOverdue e) {
            return text(lang, "inspectionOverdue", "id", e.inspectionId(), "customer", e.customer(), "kind",
                    labels.label(lang, "inspection.kind", e.kind()), "lastDay", e.lastDay());
        }
        if (event instanceof CaseEvent.SurveysOpened e) {
            return text(lang, "surveysOpened", "count", e.count(), "kind", label(lang, "surveyKind", e.kind()));
        }
        if (event instanceof CaseEvent.SurveyOverdue e) {
            return text(lang, "surveyOverdue", "customer", e.customer(), "year", e.year(), "quarter", e.quarter(),
                    "due", time(e.due(), zone));
        }
        if (event instanceof CaseEvent.SurveyAnswered e) {
            return blank(e.comment())
                    ? text(lang, "surveyAnswered", "intake", e.intake(), "handling", e.handling(), "support", e.support())
                    : text(lang, "surveyAnsweredWithComment", "intake", e.intake(), "handling", e.handling(),
                        "support", e.support(), "comment", e.comment());
        }
        if (event instanceof CaseEvent.ServiceReportOverdue e) {
            return text(lang, e.rung() > 1 ? "serviceReportStillOverdue" : "serviceReportOverdue", "customer", e.customer(),
                    "kind", labels.find(lang, "serviceReport.kind", e.kind()).orElse(e.kind()), "period", e.period(), "due",
                    e.dueOn().toString(), "rung", e.rung());
        }
        if (event instanceof CaseEvent.SurveyLate e) {
            String what = e.ticketNumber() != null ? e.ticketNumber()
                    : text(lang, "surveyPeriod", "from", e.periodStart().toString(), "to", e.periodEnd().toString());
            return text(lang, e.rung() > 1 ? "surveyStillLate" : "surveyLate", "customer", e.customer(), "kind",
                    label(lang, "surveyKind", e.kind()), "what", what, "due", time(e.due(), zone), "rung", e.rung());
        }
        if (event instanceof CaseEvent.Reassigned e) {
            String from = blank(e.from()) ? text(lang, "nobody") : person(e.from());
            return blank(e.reason()) ? text(lang, "reassigned", "from", from, "to", person(e.to()))
                    : text(lang, "reassignedBecause", "from", from, "to", person(e.to()), "reason", e.reason());
        }
        if (event instanceof CaseEvent.Nudged e) {
            return blank(e.note()) ? text(lang, "nudged", "engineer", person(e.engineer()))
                    : text(lang, "nudgedWithNote", "engineer", person(e.engineer()), "note", e.note());
        }
        if (event instanceof CaseEvent.Reminded e) {
            return blank(e.engineer()) ? text(lang, "remindedDesk")
                    : text(lang, "remindedEngineer", "engineer", person(e.engineer()));
        }
        if (event instanceof CaseEvent.Escalated e) {
            return escalated(lang, e);
        }
        if (event instanceof CaseEvent.DeEscalated e) {
            return deEscalated(lang, e);
        }
        if (event instanceof CaseEvent.ProbeChecked e) {
            return probe(lang, e);
        }
        if (event instanceof CaseEvent.ProbeWaitsForAgent e) {
            return text(lang, "probeWaitsForAgent", "device", orEmpty(e.deviceName()), "agent", orEmpty(e.agentName()),
                    "site", orEmpty(e.siteName()));
        }
        if (event instanceof CaseEvent.RecheckQueued e) {
            return text(lang, "recheckQueued", "device", orEmpty(e.deviceName()));
        }
        if (event instanceof CaseEvent.VerificationWaived e) {
            return text(lang, "verificationWaived", "device", orEmpty(e.deviceName()), "reason", e.reason());
        }
        if (event instanceof CaseEvent.Mentioned e) {
            return text(lang, "mentioned", "by", person(e.by()), "number", e.number(), "excerpt", e.excerpt());
        }
        if (event instanceof CaseEvent.AlarmReceived e) {
            String severity = labels.label(lang, "alarmSeverity", e.severity());
            return blank(e.device())
                    ? text(lang, "alarmReceivedUnmatched", "source", e.source(), "severity", severity,
                        "host", blank(e.host()) ? "-" : e.host())
                    : text(lang, "alarmReceived", "source", e.source(), "severity", severity, "device", e.device());
        }
        if (event instanceof CaseEvent.AlarmRetriggered e) {
            return text(lang, "alarmRetriggered", "source", e.source(), "count", e.count(),
                    "summary", blank(e.summary()) ? "-" : e.summary());
        }
        if (event instanceof CaseEvent.AlarmAcknowledged e) {
            return text(lang, "alarmAcknowledged", "source", e.source());
        }
        if (event instanceof CaseEvent.AlarmResolved e) {
            return text(lang, "alarmResolved", "source", e.source(), "at", e.at() == null ? "-" : time(e.at(), zone));
        }
        if (event instanceof CaseEvent.AlarmFlapping e) {
            return text(lang, "alarmFlapping", "source", e.source(), "pairs", e.pairs(),
                    "window", e.window() == null ? "-" : labels.duration(lang, e.window()));
        }
        if (event instanceof CaseEvent.MailReceived e) {
            String key = e.opened() ? (e.known() ? "mailOpened" : "mailOpenedUnknown") : (e.known() ? "mailReply" : "mailReplyUnknown");
            return text(lang, key, "from", e.from(), "subject", blank(e.subject()) ? "-" : e.subject());
        }
        if (event instanceof CaseEvent.ReopenedByMail e) {
            return text(lang, "reopenedByMail", "from", e.from(), "subject", blank(e.subject()) ? "-" : e.subject());
        }
        if (event instanceof CaseEvent.MailAboutClosedCase e) {
            return text(lang, "mailAboutClosedCase", "number", e.number(), "window", e.window() == null ? "-" : labels.duration(lang, e.window()));
        }
        if (event instanceof CaseEvent.MailAttachmentRefused e) {
            return text(lang, "mailAttachmentRefused", "file", e.fileName());
        }
        if (event instanceof CaseEvent.CasesLinked e) {
            return text(lang, "casesLinked", "number", e.number(), "kind", label(lang, "caseLink", e.kind()));
        }
        if (event instanceof CaseEvent.CasesUnlinked e) {
            return text(lang, "casesUnlinked", "number", e.number(), "kind", label(lang, "caseLink", e.kind()));
        }
        if (event instanceof CaseEvent.ClosedAsDuplicate e) {
            return text(lang, "closedAsDuplicate", "number", e.number());
        }
        if (event instanceof CaseEvent.SolvedFromArticle e) {
            return text(lang, "solvedFromArticle", "id", e.articleId(), "title", e.title());
        }
        throw new IllegalArgumentException("No rendering for " + event.getClass().getSimpleName());
    }

    /**
     * The subject of a message to the outside channels (e-mail subject, the bold first line of a chat card).
     * Escalations say which rungs, which case and which clock; other events give the name of their kind.
     */
    public String subject(CaseEvent event, Locale locale) {
        Locale lang = Labels.language(locale);
        if (event instanceof CaseEvent.Escalated e) {
            return text(lang, e.lateBy() == null ? "escalatedSubject" : "escalatedSubjectLate",
                    "rungs", labels.rungs(lang, e.rungs()), "number", e.number(), "clock", label(lang, "clock", e.clock()));
        }
        if (event instanceof CaseEvent.DeEscalated e) {
            return text(lang, "deEscalatedSubject", "number", e.number());
        }
        if (event instanceof CaseEvent.ChangeAnnounced e) {
            return text(lang, e.rescheduled() ? "changeRescheduledSubject" : "changeAnnouncedSubject", "number", e.number(),
                    "title", e.title());
        }
        if (event instanceof CaseEvent.ChangeCancelled e) {
            return text(lang, "changeCancelledSubject", "number", e.number(), "title", e.title());
        }
        if (event instanceof CaseEvent.ChangeFinished e) {
            return text(lang, "changeFinishedSubject", "number", e.number(), "title", e.title());
        }
        return typeLabel(event, lang);
    }

    /**
     * One line for a phone screen (WeCom, DingTalk, the body of an e-mail): for an escalation the rungs,
     * case, level, clock and time left or overdue, the site, who has it, and the title. The same as the
     * timeline line, so what the team was sent is what the case file shows.
     */
    public String phoneText(CaseEvent event, Locale locale, ZoneId zone) {
        return line(event, locale, zone);
    }

    /** The short name of the kind of event (the timeline's type column and filter), e.g. "升级". */
    public String typeLabel(CaseEvent event, Locale locale) {
        return labels.label(Labels.language(locale), "event", event.type());
    }

    private String escalated(Locale lang, CaseEvent.Escalated e) {
        String when = e.remaining() == null ? ""
                : e.remaining().isNegative() ? text(lang, "overdueBy", "time", labels.duration(lang, e.remaining().negated()))
                : text(lang, "dueIn", "time", labels.duration(lang, e.remaining()));
        String late = e.lateBy() == null ? "" : text(lang, "lateBy", "time", labels.duration(lang, e.lateBy()));
        return text(lang, e.repeat() ? "escalatedRepeat" : "escalated", "rungs", labels.rungs(lang, e.rungs()),
                "number", e.number(), "level", level(lang, e.level()), "clock", label(lang, "clock", e.clock()),
                "when", when, "late", late, "site", orEmpty(e.siteName()),
                "assignee", blank(e.assignee()) ? text(lang, "unassigned") : person(e.assignee()), "title", orEmpty(e.title()));
    }

    private String deEscalated(Locale lang, CaseEvent.DeEscalated e) {
        String margin = e.margin() == null ? ""
                : e.margin().isNegative() ? text(lang, "lateByMargin", "time", labels.duration(lang, e.margin().negated()))
                : text(lang, "toSpare", "time", labels.duration(lang, e.margin()));
        String state = e.state() == null ? "" : labels.label(lang, "clockState", e.state());
        if (Labels.EN.equals(lang)) {
            state = state.toLowerCase(Locale.ROOT);
        }
        return text(lang, "deEscalated", "number", e.number(), "clock", label(lang, "clock", e.clock()),
                "state", state, "margin", margin, "title", orEmpty(e.title()));
    }

    /** A device check: passed, failed, nothing to check (no device, no checks set up), or could not run. */
    private String probe(Locale lang, CaseEvent.ProbeChecked e) {
        if (e.passed() && e.waivedBy() != null) {
            return text(lang, "probeWaived", "device", e.deviceName(), "by", e.waivedBy(), "missing", e.notConfigured());
        }
        if (!e.passed() && e.notConfigured() > 0 && e.checksFailed() == e.notConfigured()) {
            return text(lang, "probeNotConfigured", "device", e.deviceName(), "missing", e.notConfigured(), "total", e.checksTotal());
        }
        if (e.passed()) {
            return e.deviceName() == null ? text(lang, "probeNoDevice")
                    : e.checksTotal() == 0 ? text(lang, "probeNoChecks", "device", e.deviceName())
                    : text(lang, "probePassed", "device", e.deviceName(), "total", e.checksTotal());
        }
        if (e.checksTotal() == 0) {
            return e.deviceName() == null ? text(lang, "probeNotRunUnknown")
                    : text(lang, "probeNotRun", "device", e.deviceName());
        }
        return text(lang, "probeFailed", "device", e.deviceName(), "failed", e.checksFailed(), "total", e.checksTotal());
    }

    /**
     * "完成「一线处理」：服务台已解决：否；处理结果：现场修复": the form's own labels and option names, booleans as
     * yes/no, blank values left out. A field the labels do not know (a model edited in the workbench) is left
     * out too, and logged: its id is not something to show a user.
     */
    private String taskCompleted(Locale lang, CaseEvent.TaskCompleted e, ZoneId zone) {
        String task = labels.find(lang, "task", e.taskKey()).orElse(e.taskName());
        List<String> parts = new ArrayList<>();
        for (CaseEvent.FieldValue value : e.values() == null ? List.<CaseEvent.FieldValue>of() : e.values()) {
            Object raw = value.value();
            if (raw == null || raw instanceof String s && s.isBlank()) {
                continue;
            }
            Optional<String> field = labels.find(lang, "form", value.field());
            if (field.isEmpty()) {
                log.warn("Form field {} of task {} has no label; left out of the timeline", value.field(), e.taskKey());
                continue;
            }
            parts.add(text(lang, "fieldValue", "field", withoutQuestionMark(field.get()),
                    "value", fieldValue(lang, value.field(), raw, zone)));
        }
        return parts.isEmpty() ? text(lang, "taskCompleted", "task", task)
                : text(lang, "taskCompletedWith", "task", task,
                        "values", String.join(text(lang, "fieldSeparator"), parts));
    }

    private String fieldValue(Locale lang, String field, Object raw, ZoneId zone) {
        if (raw instanceof Boolean b) {
            return text(lang, b ? "yes" : "no");
        }
        if (raw instanceof Date d) {
            return time(d.toInstant(), zone);
        }
        String value = String.valueOf(raw);
        if (PERSON_FIELDS.contains(field)) {
            return person(value);
        }
        // an option id (FIXED) becomes the option's name; free text stays as typed
        return labels.find(lang, "option." + field, value).orElse(value);
    }

    /** "服务台已解决？" asks in the form; in a statement of what was answered the question mark goes. */
    private static String withoutQuestionMark(String label) {
        return label.replaceAll("[?？]\\s*$", "");
    }

    private String terms(Locale lang, ContractTerms terms) {
        if (terms == null) {
            return "";
        }
        String zone = labels.find(lang, "zone", terms.zone().getId()).orElse(terms.zone().getId());
        String calendar = labels.label(lang, "calendar", terms.calendar());
        if (terms.calendar() == CalendarKind.SEVEN_BY_24) {
            return text(lang, "terms7x24", "calendar", calendar, "zone", zone);
        }
        // "08:30-12:00,13:30-17:00": digits only, the same in both languages
        return text(lang, "terms5x8", "calendar", calendar, "hours", ContractTerms.format(terms.workingHours()),
                "zone", zone);
    }

    /** A pause comes from a hold reason or from a status that pauses the policy's clocks. */
    private String pauseReason(Locale lang, String reason) {
        return labels.find(lang, "holdReason", reason).or(() -> labels.find(lang, "status", reason))
                .orElseGet(() -> labels.label(lang, "holdReason", reason));
    }

    /**
     * A shipped policy by its label; one a process owner created is known by the code they gave it, which is
     * their own word rather than an internal one.
     */
    private String policy(Locale lang, String code) {
        return labels.find(lang, "policy", code).orElse(code);
    }

    /** "投诉" or "服务请求（录像调取）": the request type, and for a service request its catalogue item. */
    private String request(Locale lang, String type, String item) {
        String name = label(lang, "requestType", type);
        return blank(item) ? name : text(lang, "requestWithItem", "type", name, "item", label(lang, "serviceItem", item));
    }

    private String level(Locale lang, String level) {
        return labels.faultLevel(lang, null, level);
    }

    private String grade(Locale lang, Enum<?> grade) {
        return grade == null ? "—" : labels.label(lang, "grade", grade);
    }

    private String label(Locale lang, String group, Enum<?> code) {
        return labels.label(lang, group, code);
    }

    private String label(Locale lang, String group, String code) {
        return labels.label(lang, group, code);
    }

    private String text(Locale lang, String key, Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return labels.text(lang, "caseEvent." + key, args);
    }

    private static String time(Instant at, ZoneId zone) {
        return MINUTE.format(at.atZone(zone));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
