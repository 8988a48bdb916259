package com.aftercare.repair;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

/** Who hears of a repair and in which language: staff in the app, the customer's people on every channel they have. */
@Component
class RepairNotices {

    private final ContractBook contracts;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final Clock clock;

    RepairNotices(ContractBook contracts, NotificationService notifications, AccountService accounts, Clock clock) {
        this.contracts = contracts;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
    }

    private Optional<ServiceContract> contract(Ticket ticket) {
        return contracts.contract(ticket.getContractId());
    }

    Locale language(Ticket ticket) {
        return contract(ticket).map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale();
    }

    ZoneId zone(Ticket ticket) {
        return contract(ticket).map(ServiceContract::zoneId).orElse(clock.getZone());
    }

    void toUser(Ticket ticket, String username, CaseEvent event) {
        if (username != null && !username.isBlank()) {
            notifications.send(new CaseEventMessage(ticket.getId(), event, language(ticket), zone(ticket),
                    List.of(new Recipient(username, username, null, null)), null));
        }
    }

    void toRole(Ticket ticket, Role role, CaseEvent event) {
        notifications.notifyRole(role, ticket.getId(), event, language(ticket), zone(ticket));
    }

    /**
     * The customer's side of the case: the end user who reported it (by name and phone, and in the app and by
     * e-mail the unit's own users), and the site's IT contact. E-mail goes out when the contract has e-mail on.
     */
    void toCustomer(Ticket ticket, CaseEvent event) {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient(null, ticket.getRequesterName(), null, ticket.getRequesterPhone()));
        Long customerId = ticket.getSite() == null ? null : ticket.getSite().getCustomer().getId();
        if (customerId != null) {
            for (AppUser u : accounts.withRole(Role.CUSTOMER)) {
                if (customerId.equals(u.getCustomerId()) && u.isEnabled()) {
                    recipients.add(new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile()));
                }
            }
        }
        if (ticket.getSite() != null && ticket.getSite().getContactName() != null) {
            recipients.add(new Recipient(null, ticket.getSite().getContactName(), null, ticket.getSite().getContactPhone()));
        }
        boolean email = contract(ticket).map(ServiceContract::isNotifyEmail).orElse(false);
        notifications.send(new CaseEventMessage(ticket.getId(), event, language(ticket), zone(ticket),
                recipients.stream().filter(Objects::nonNull).toList(),
                new ChannelSettings(email, null, null, null, null)));
    }
}
