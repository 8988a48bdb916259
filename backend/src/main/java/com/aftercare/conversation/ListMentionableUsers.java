package com.aftercare.conversation;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;

/** Who may be @-mentioned on a case: every enabled staff user (any role other than CUSTOMER). */
@Service
public class ListMentionableUsers {

    private final AccountService accounts;
    private final FindTicket tickets;

    ListMentionableUsers(AccountService accounts, FindTicket tickets) {
        this.accounts = accounts;
        this.tickets = tickets;
    }

    public record Mentionable(String username, String displayName) {
    }

    @Transactional(readOnly = true)
    public List<Mentionable> list(Long ticketId) {
        if (ticketId != null) {
            tickets.getVisible(ticketId);
        }
        return accounts.all().stream().filter(ListMentionableUsers::isStaff)
                .map(u -> new Mentionable(u.getUsername(), u.getDisplayName()))
                .sorted(Comparator.comparing(Mentionable::username)).toList();
    }

    static boolean isStaff(AppUser user) {
        return user.isEnabled() && user.getCustomerId() == null && user.getRoles().stream().anyMatch(r -> r != Role.CUSTOMER);
    }
}
