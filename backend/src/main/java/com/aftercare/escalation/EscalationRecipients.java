package com.aftercare.escalation;

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
import com.aftercare.notify.ChannelSettings;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.Ticket;

/**
 * Turns the roles of an escalation rung into people: the ticket's engineer, and the desk lead, project
 * manager, senior engineer and department head named on the contract. A role nobody fills goes to the
 * supervisors, so an escalation never goes nowhere.
 */
@Component
class EscalationRecipients {

    private final AccountService accounts;

    EscalationRecipients(AccountService accounts) {
        this.accounts = accounts;
    }

    /** What the contract's outside channels are written in; Simplified Chinese without a contract. */
    static Locale language(Optional<ServiceContract> contract) {
        return contract.map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale();
    }

    /** The zone times in messages are shown in: the contract's, else the service's. */
    static ZoneId zone(Optional<ServiceContract> contract, Clock clock) {
        return contract.map(ServiceContract::zoneId).orElse(clock.getZone());
    }

    /** The contract's outside channels; a customer without a contract gets in-app messages only. */
    static ChannelSettings channels(Optional<ServiceContract> contract) {
        return contract.map(c -> new ChannelSettings(c.isNotifyEmail(), c.getWecomWebhookUrl(), c.getDingtalkWebhookUrl(),
                c.getDingtalkSecret(), c.getWebhookAllowList())).orElse(ChannelSettings.inAppOnly());
    }

    List<Recipient> resolve(List<RecipientRole> roles, Ticket ticket, Optional<ServiceContract> contract) {
        Map<String, Recipient> byUser = new LinkedHashMap<>();
        for (RecipientRole role : roles) {
            String named = switch (role) {
                case ASSIGNED_ENGINEER -> ticket.getAssignee();
                case DESK_LEAD -> contract.map(ServiceContract::getDeskLead).orElse(null);
                case PROJECT_MANAGER -> contract.map(ServiceContract::getProjectManager).orElse(null);
                case SENIOR_ENGINEER -> contract.map(ServiceContract::getSeniorEngineer).orElse(null);
                case DEPARTMENT_HEAD -> contract.map(ServiceContract::getDepartmentHead).orElse(null);
                case SUPERVISORS -> null;
            };
            List<AppUser> users = new ArrayList<>();
            if (named != null) {
                accounts.find(named).filter(AppUser::isEnabled).ifPresent(users::add);
            }
            if (users.isEmpty() && role != RecipientRole.ASSIGNED_ENGINEER) {
                users.addAll(accounts.withRole(Role.SUPERVISOR));
            }
            users.forEach(u -> byUser.putIfAbsent(u.getUsername(),
                    new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile())));
        }
        return new ArrayList<>(byUser.values());
    }
}
