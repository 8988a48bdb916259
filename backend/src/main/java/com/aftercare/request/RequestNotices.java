package com.aftercare.request;

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
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;

/**
 * Who hears of a request and in which language: the people the contract names (project manager, desk lead) with
 * the supervisors standing in when it names nobody, and the customer's side of the case. In the app always, by
 * e-mail when the contract has e-mail on.
 */
@Component
class RequestNotices {

    private final ContractBook contracts;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final Clock clock;

    RequestNotices(ContractBook contracts, NotificationService notifications, AccountService accounts, Clock clock) {
        this.contracts = contracts;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
    }

    private Optional<ServiceContract> contract(Ticket ticket) {
        return contracts.contract(ticket.getContractId());
    }

    private Locale language(Ticket ticket) {
        return contract(ticket).map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale();
    }

    private ZoneId zone(Ticket ticket) {
        return contract(ticket).map(ServiceContract::zoneId).orElse(clock.getZone());
    }

    private ChannelSettings channels(Ticket ticket) {
        return new ChannelSettings(contract(ticket).map(ServiceContract::isNotifyEmail).orElse(false), null, null, null, null);
    }

    /** The contract's project manager; the supervisors when it names none (or the account is gone). */
    List<Recipient> projectManager(Ticket ticket) {
        return named(contract(ticket).map(ServiceContract::getProjectManager).orElse(null));
    }

    /** The contract's desk lead; the supervisors when it names none. */
    List<Recipient> deskLead(Ticket ticket) {
        return named(contract(ticket).map(ServiceContract::getDeskLead).orElse(null));
    }

    private List<Recipient> named(String username) {
        List<AppUser> users = new ArrayList<>();
        if (username != null) {
            accounts.find(username).filter(AppUser::isEnabled).ifPresent(users::add);
        }
        if (users.isEmpty()) {
            users.addAll(accounts.withRole(Role.SUPERVISOR).stream().filter(AppUser::isEnabled).toList());
        }
        Map<String, Recipient> byUser = new LinkedHashMap<>();
        users.forEach(u -> byUser.putIfAbsent(u.getUsername(),
                new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile())));
        return new ArrayList<>(byUser.values());
    }

    /** A member of staff by user name, in the app (and by e-mail when the contract has it on). */
    Optional<Recipient> staff(String username) {
        return username == null ? Optional.empty()
                : accounts.find(username).filter(AppUser::isEnabled)
                        .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile()));
    }

    void send(Ticket ticket, CaseEvent event, List<Recipient> recipients) {
        if (!recipients.isEmpty()) {
            notifications.send(new CaseEventMessage(ticket.getId(), event, language(ticket), zone(ticket), recipients,
                    channels(ticket)));
        }
    }

    /** The customer's side: the requester by name and phone, and the unit's own users in the app and by e-mail. */
    void toCustomer(Ticket ticket, CaseEvent event) {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient(null, ticket.getRequesterName(), null, ticket.getRequesterPhone()));
        Long customerId = ticket.getSite().getCustomer().getId();
        for (AppUser u : accounts.withRole(Role.CUSTOMER)) {
            if (customerId.equals(u.getCustomerId()) && u.isEnabled()) {
                recipients.add(new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile()));
            }
        }
        send(ticket, event, recipients);
    }
}
