package com.aftercare.identity;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    record Me(String username, String displayName, List<Role> roles) {
    }

    @GetMapping("/api/me")
    Me me() {
        String username = CurrentUser.username();
        String displayName = accounts.find(username).map(AppUser::getDisplayName).orElse(username);
        return new Me(username, displayName, CurrentUser.roles().stream().sorted().toList());
    }
}
