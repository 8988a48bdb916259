package com.aftercare.identity;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts and customers' users (ADMIN changes, SUPERVISOR reads; SecurityConfig gates /api/admin/** the same
 * way). Passwords are never returned; {@code passwordManagedHere} is false with Keycloak.
 */
@RestController
class AccountAdminController {

    private final AccountService accounts;
    private final CreateAccount createAccount;
    private final EditAccount editAccount;
    private final ResetPassword resetPassword;
    private final DisableAccount disableAccount;
    private final AccountRules rules;

    AccountAdminController(AccountService accounts, CreateAccount createAccount, EditAccount editAccount,
            ResetPassword resetPassword, DisableAccount disableAccount, AccountRules rules) {
        this.accounts = accounts;
        this.createAccount = createAccount;
        this.editAccount = editAccount;
        this.resetPassword = resetPassword;
        this.disableAccount = disableAccount;
        this.rules = rules;
    }

    record AccountView(String username, String displayName, List<Role> roles, String email, String mobile, Long customerId,
            boolean enabled) {
        static AccountView of(AppUser u) {
            return new AccountView(u.getUsername(), u.getDisplayName(), u.getRoles().stream().sorted().toList(), u.getEmail(),
                    u.getMobile(), u.getCustomerId(), u.isEnabled());
        }
    }

    record Accounts(boolean passwordManagedHere, List<AccountView> accounts) {
    }

    @GetMapping("/api/admin/accounts")
    Accounts list() {
        return new Accounts(rules.localAccounts(), accounts.all().stream().map(AccountView::of).toList());
    }

    @PostMapping("/api/admin/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    AccountView create(@Valid @RequestBody CreateAccount.Command command) {
        return AccountView.of(createAccount.create(command));
    }

    @PutMapping("/api/admin/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView edit(@PathVariable String username, @Valid @RequestBody EditAccount.Command command) {
        return AccountView.of(editAccount.edit(username, command));
    }

    @PostMapping("/api/admin/accounts/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void resetPassword(@PathVariable String username, @Valid @RequestBody ResetPassword.Command command) {
        resetPassword.reset(username, command);
    }

    @PostMapping("/api/admin/accounts/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView disable(@PathVariable String username) {
        return AccountView.of(disableAccount.disable(username));
    }

    @PostMapping("/api/admin/accounts/{username}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView enable(@PathVariable String username) {
        return AccountView.of(disableAccount.enable(username));
    }
}
