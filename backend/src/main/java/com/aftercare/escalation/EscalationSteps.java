package com.aftercare.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.notify.NotificationService;
import com.aftercare.notify.OutgoingMessage;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ClockTicket;
import com.aftercare.sla.Durations;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.Evaluation;
import com.aftercare.sla.DueEscalation;
import com.aftercare.sla.Rung;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.CacheClocks;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The service tasks of escalation.bpmn: thin adapters over the clock engine and the notifier. */
@Configuration
class EscalationSteps {

    private static Long ticketId(DelegateExecution execution) {
        Object id = execution.getVariable("ticketId");
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no ticketId");
        }
        return n.longValue();
    }

    /** evaluateClocks: derive the clocks, record stops, and tell the model what to wait for. */
    @Bean
    JavaDelegate evaluateClocksDelegate(FindTicket tickets, CacheClocks cacheClocks, ClockEvaluation clockEvaluation) {
        return execution -> {
            Long id = ticketId(execution);
            Evaluation evaluation = clockEvaluation.evaluate(tickets.clockTicket(id));
            cacheClocks.cache(id, evaluation.clocks());
            execution.setVariable("clocksOutcome", evaluation.outcome().name());
            execution.setVariable("nextEscalationAt", evaluation.nextAt() == null ? null : Date.from(evaluation.nextAt()));
        };
    }

    /**
     * escalateClocks: for each clock with rungs due, one message to everyone those rungs name (each person once),
     * and each rung recorded. A run that comes late (downtime, backlog) owes every rung crossed since the last one
     * recorded, not only the highest, and says that it is late.
     */
    @Bean
    JavaDelegate escalateClocksDelegate(FindTicket tickets, CaseTimeline timeline, ContractBook contractBook,
            ClockEvaluation clockEvaluation, ClockLogBook clockLogBook, NotificationService notifications,
            EscalationRecipients recipients, Clock clock) {
        return execution -> {
            Long id = ticketId(execution);
            Ticket ticket = tickets.get(id);
            ClockTicket clockTicket = tickets.clockTicket(ticket);
            Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
            ZoneId zone = contract.map(ServiceContract::zoneId).orElse(clock.getZone());
            Instant now = clock.instant();
            for (DueEscalation due : clockEvaluation.dueEscalations(clockTicket)) {
                List<RecipientRole> roles = due.rungs().stream().flatMap(r -> r.step().recipients().stream())
                        .distinct().toList();
                List<Recipient> to = recipients.resolve(roles, ticket, contract);
                Optional<String> late = LateEscalation.note(due.owedSince(), now, zone);
                String text = message(ticket, due, late);
                notifications.send(new OutgoingMessage(id, subject(ticket, due, late.isPresent()), text, to,
                        EscalationRecipients.channels(contract)));
                String together = due.rungs().size() > 1
                        ? ", sent together with " + due.rungs().stream().map(r -> r.step().name()).toList() : "";
                for (Rung rung : due.rungs()) {
                    Instant owed = rung.dueAt().isAfter(due.owedSince()) ? rung.dueAt() : due.owedSince();
                    String lateBy = LateEscalation.isLate(owed, now)
                            ? ", late by " + Durations.human(Duration.between(owed, now)) : "";
                    clockLogBook.recordEscalation(id, due.clock(), rung, (due.repeat() ? "repeated " : "") + rung.step().name()
                            + " to " + recipients.resolve(rung.step().recipients(), ticket, contract).stream()
                                    .map(Recipient::username).toList() + lateBy + together);
                }
                ClockStatus status = due.status();
                timeline.record(id, new CaseEvent.Escalated(ticket.getNumber(), ticket.getLevel(), due.clock(),
                        due.rungs().stream().map(Rung::level).toList(), due.repeat(),
                        status.dueAt() == null ? null : status.remaining(),
                        late.isPresent() ? Duration.between(due.owedSince(), now) : null,
                        ticket.getSite().getName(), ticket.getAssignee(), ticket.getTitle()));
            }
        };
    }

    /** deEscalateClocks: a clock that stopped while escalated is over; tell the people who were told. */
    @Bean
    JavaDelegate deEscalateClocksDelegate(FindTicket tickets, CaseTimeline timeline, PolicyCatalog policyCatalog,
            ContractBook contractBook, ClockEvaluation clockEvaluation, ClockLogBook clockLogBook,
            NotificationService notifications, EscalationRecipients recipients) {
        return execution -> {
            Long id = ticketId(execution);
            Ticket ticket = tickets.get(id);
            PolicyDefinition policy = policyCatalog.definition(ticket.getPolicyId());
            Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
            for (ClockStatus clock : clockEvaluation.clocks(tickets.clockTicket(ticket))) {
                if (!clock.state().isStopped() || clock.escalationLevel() == 0) {
                    continue;
                }
                PolicyDefinition.EscalationStep step = policy.escalation()
                        .get(Math.min(clock.escalationLevel(), policy.escalation().size()) - 1);
                String text = "【解除升级 De-escalated】" + ticket.getNumber() + " " + clockLabel(clock.clock().name())
                        + " " + clock.state().name().toLowerCase().replace('_', ' ')
                        + (clock.margin() == null ? "" : clock.margin().isNegative()
                                ? ", late by " + Durations.human(clock.margin().negated())
                                : ", " + Durations.human(clock.margin()) + " to spare")
                        + " - " + ticket.getTitle();
                List<Recipient> to = recipients.resolve(step.recipients(), ticket, contract);
                notifications.send(new OutgoingMessage(id, ticket.getNumber() + " de-escalated", text, to,
                        EscalationRecipients.channels(contract)));
                clockLogBook.recordDeEscalation(id, clock, "was " + clock.escalationName() + "; clock " + clock.state());
                timeline.record(id, new CaseEvent.DeEscalated(ticket.getNumber(), clock.clock(), clock.state().name(),
                        clock.margin(), ticket.getTitle()));
            }
        };
    }

    private static String subject(Ticket t, DueEscalation due, boolean late) {
        return "[" + rungNames(due, "/") + "] " + t.getNumber() + " " + clockLabel(due.clock().name()) + (late ? " 迟发" : "");
    }

    /** The rungs this message stands for, lowest first: "WARNING·BREACH·HEAD" after downtime, else one name. */
    private static String rungNames(DueEscalation due, String separator) {
        return String.join(separator, due.rungs().stream().map(r -> r.step().name()).toList());
    }

    /** One line for a phone screen; Chinese first, as the teams read it (NotificationService cuts what a channel cannot take). */
    private static String message(Ticket t, DueEscalation due, Optional<String> late) {
        ClockStatus s = due.status();
        String when = s.dueAt() == null ? "" : s.remaining().isNegative()
                ? " 已超时 overdue by " + Durations.human(s.remaining().negated())
                : " 剩余 due in " + Durations.human(s.remaining());
        return "【" + rungNames(due, "·") + (due.repeat() ? " 再次提醒" : "") + "】" + t.getNumber() + " L" + t.getLevel()
                + " " + clockLabel(due.clock().name()) + when + late.map(l -> " | " + l).orElse("") + " | "
                + t.getSite().getName() + " | " + (t.getAssignee() == null ? "未派单 unassigned" : t.getAssignee()) + " | "
                + t.getTitle();
    }

    static String clockLabel(String clock) {
        return switch (clock) {
            case "RESPONSE" -> "响应 response";
            case "ON_SITE" -> "到场 on-site";
            case "RESOLUTION" -> "修复 resolution";
            case "SOLUTION_PLAN" -> "解决方案 solution plan";
            case "CONTINGENCY_PLAN" -> "应急预案 contingency plan";
            case "FAULT_REPORT" -> "故障报告 fault report";
            case "DISPATCH" -> "派单 dispatch";
            case "EXECUTION_CONFIRMED" -> "确认执行 execution confirmed";
            case "REDISPATCH" -> "重新派单 re-dispatch";
            case "PM_REPORT" -> "上报项目经理 PM report";
            default -> clock;
        };
    }
}
