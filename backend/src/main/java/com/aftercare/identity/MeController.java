package com.aftercare.identity;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
        String displayName = accounts.find(username).map(AppUser::getDisplayName).orElseGet(() -> nameFromToken(username));
        return new Me(username, displayName, CurrentUser.roles().stream().sorted().toList());
    }

    /** A Keycloak user without a local account: the token's full name ({@code name} claim), else the user name. */
    private static String nameFromToken(String username) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && token.getToken().getClaimAsString("name") != null && !token.getToken().getClaimAsString("name").isBlank()) {
            return token.getToken().getClaimAsString("name");
        }
        return username;
    }
}
