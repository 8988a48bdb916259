package com.aftercare.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.event.CaseEvent;

/**
 * The ladder of late work that is not a case (issue 16, ADR 0050): a scheduled report not made, a survey or callback
 * not answered. Like a case clock's ladder it has rungs that reach wider each time:
 * <ol>
 * <li>at the due time: the desk (the contract's desk lead by name, and the desk's inbox) and the supervisors;</li>
 * <li>when it is still not done at the end of the next working day (office calendar, Chinese holidays and make-up
 * days): the contract's project manager and department head by name, and the supervisors again.</li>
 * </ol>
 * A role the contract names nobody for goes to the supervisors only, so a rung never goes nowhere. Named people get
 * the contract's outside channels (e-mail when switched on); the roles are told in the app. This class only tells;
 * the feature that owns the work records the rung once (its unique key) in the same transaction, and stops climbing
 * when the work is done.
 */
@Service
public class TellLateWork {

    /** The highest rung of the ladder. */
    public static final int TOP_RUNG = 2;

    /** Who was told at a rung: the roles told in the app and the people told by name (display names). */
    public record Told(List<Role> roles, List<String> people) {

        /** As stored with the rung: "@ROLE" for a role, else a person's display name, comma-separated. */
        public String stored() {
            List<String> parts = new ArrayList<>();
            roles.forEach(r -> parts.add("@" + r.name()));
            people.forEach(p -> parts.add(p.replace(",", " ")));
            return String.join(",", parts);
        }

        public static Told read(String stored) {
            List<Role> roles = new ArrayList<>();
            List<String> people = new ArrayList<>();
            if (stored != null && !stored.isBlank()) {
                for (String part : stored.split(",")) {
                    if (part.startsWith("@")) {
                        roles.add(Role.valueOf(part.substring(1)));
                    } else {
                        people.add(part);
                    }
                }
            }
            return new Told(roles, people);
        }
    }

    /** A rung as the report's or survey's page shows it: when it was reached and who was told. */
    public record RungView(int rung, Instant reachedAt, List<Role> roles, List<String> people) {

        public static RungView of(int rung, Instant reachedAt, String told) {
            Told t = Told.read(told);
            return new RungView(rung, reachedAt, t.roles(), t.people());
        }
    }

    private final ContractBook contracts;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final HolidayService holidays;
    private final Clock clock;

    TellLateWork(ContractBook contracts, AccountService accounts, NotificationService notifications, HolidayService holidays,
            Clock clock) {
        this.contracts = contracts;
        this.accounts = accounts;
        this.notifications = notifications;
        this.holidays = holidays;
        this.clock = clock;
    }

    /**
     * The day whose end reaches the second rung: the first working day after the due day. A report due on Thursday
     * 5 November escalates on the 6th (rung 1) and, still not made, at the end of Friday the 6th (rung 2); due on
     * Friday 30 September, the National Day week in between, the second rung waits for the end of 8 October.
     */
    public LocalDate secondRungDay(LocalDate dueDay) {
        BusinessCalendar office = BusinessCalendar.of(WeeklySchedule.officeHours(), holidays.current());
        LocalDate day = dueDay.plusDays(1);
        for (int i = 0; i < 60 && office.windowsOn(day).isEmpty(); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** When the second rung is reached for work due at the end of {@code dueDay}. */
    public Instant secondRungAt(LocalDate dueDay, ZoneId zone) {
        return secondRungDay(dueDay).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Tells the rung's people about the customer's late work; returns who was told, to be kept with the rung. */
    @Transactional
    public Told tell(long customerId, int rung, CaseEvent event) {
        Optional<ServiceContract> contract = contracts.contractOfCustomer(customerId);
        List<Role> roles = rung <= 1 ? List.of(Role.SERVICE_DESK, Role.SUPERVISOR) : List.of(Role.SUPERVISOR);
        for (Role role : roles) {
            notifications.notifyRole(role, null, event, Labels.ZH, clock.getZone());
        }
        List<String> named = rung <= 1
                ? names(contract.map(ServiceContract::getDeskLead).orElse(null))
                : names(contract.map(ServiceContract::getProjectManager).orElse(null),
                        contract.map(ServiceContract::getDepartmentHead).orElse(null));
        Map<String, Recipient> people = new LinkedHashMap<>();
        for (String username : named) {
            // someone whose role was told in the app already gets the outside channels only, not a second in-app note
            accounts.find(username).filter(AppUser::isEnabled).ifPresent(u -> people.putIfAbsent(u.getUsername(),
                    new Recipient(u.getRoles().stream().anyMatch(roles::contains) ? null : u.getUsername(), u.getDisplayName(),
                            u.getEmail(), u.getMobile())));
        }
        if (!people.isEmpty()) {
            notifications.send(new CaseEventMessage(null, event, EscalationRecipients.language(contract),
                    EscalationRecipients.zone(contract, clock), new ArrayList<>(people.values()),
                    EscalationRecipients.channels(contract)));
        }
        return new Told(roles, people.entrySet().stream().map(e -> e.getValue().displayName() == null
                || e.getValue().displayName().isBlank() ? e.getKey() : e.getValue().displayName()).toList());
    }

    private static List<String> names(String... usernames) {
        List<String> out = new ArrayList<>();
        for (String u : usernames) {
            if (u != null && !u.isBlank()) {
                out.add(u);
            }
        }
        return out;
    }
}
