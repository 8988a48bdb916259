package com.aftercare.change;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.Role;
import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.ChannelSettings;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.event.CaseEvent;

/**
 * Who hears of a change and how (RP-5). The customer unit's own users are told in the app and, when the unit's contract
 * has e-mail on, by e-mail in the contract's language and zone: that is the advance notice of window, scope and
 * fallback. Staff (the requester, the implementer, the supervisors) are told in the app.
 */
@Component
class ChangeNotices {

    private final NotificationService notifications;
    private final AccountService accounts;
    private final ContractBook contracts;
    private final Clock clock;

    ChangeNotices(NotificationService notifications, AccountService accounts, ContractBook contracts, Clock clock) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** The customer unit's enabled users, by app and (when the contract says so) by e-mail. */
    void tellCustomer(ChangeRequest change, CaseEvent event) {
        Optional<ServiceContract> contract = contracts.contractOfCustomer(change.getCustomerId());
        List<Recipient> users = accounts.all().stream()
                .filter(u -> u.isEnabled() && Long.valueOf(change.getCustomerId()).equals(u.getCustomerId()))
                .map(ChangeNotices::recipient).toList();
        if (users.isEmpty()) {
            return;
        }
        Locale language = contract.map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale();
        ZoneId zone = contract.map(ServiceContract::zoneId).orElse(clock.getZone());
        boolean email = contract.map(ServiceContract::isNotifyEmail).orElse(false);
        notifications.send(new CaseEventMessage(null, event, language, zone, users,
                new ChannelSettings(email, null, null, null, null)));
    }

    /** Named staff accounts (requester, implementer, tester), each once, in the app; how many could be told. */
    int tellStaff(CaseEvent event, String... usernames) {
        Map<String, Recipient> told = new LinkedHashMap<>();
        for (String username : usernames) {
            if (username != null && !told.containsKey(username)) {
                accounts.find(username).filter(AppUser::isEnabled).ifPresent(u -> told.put(username, recipient(u)));
            }
        }
        inApp(event, new ArrayList<>(told.values()));
        return (int) told.keySet().stream().filter(u -> !u.equals(com.aftercare.identity.CurrentUser.username())).count();
    }

    /** Every enabled supervisor, in the app, plus the named staff. */
    void tellSupervisors(CaseEvent event, String... alsoUsernames) {
        Map<String, Recipient> told = new LinkedHashMap<>();
        accounts.withRole(Role.SUPERVISOR).stream().filter(AppUser::isEnabled).forEach(u -> told.put(u.getUsername(), recipient(u)));
        for (String username : alsoUsernames) {
            if (username != null && !told.containsKey(username)) {
                accounts.find(username).filter(AppUser::isEnabled).ifPresent(u -> told.put(username, recipient(u)));
            }
        }
        inApp(event, new ArrayList<>(told.values()));
    }

    /** Staff hear of what others did: the one who acted (not a timer) is left out of their own notice. */
    private void inApp(CaseEvent event, List<Recipient> everyone) {
        String actor = com.aftercare.identity.CurrentUser.username();
        List<Recipient> recipients = everyone.stream().filter(r -> !r.username().equals(actor)).toList();
        if (!recipients.isEmpty()) {
            notifications.send(new CaseEventMessage(null, event, com.aftercare.labels.Labels.ZH, clock.getZone(), recipients,
                    ChannelSettings.inAppOnly()));
        }
    }

    private static Recipient recipient(AppUser user) {
        return new Recipient(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getMobile());
    }
}
