package com.aftercare.identity;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Display names of the accounts, kept for a minute: a timeline of fifty lines names the same two or three people
 * over and over, and a renamed account reads right again within the minute on every node.
 */
@Component
class AccountPersonNames implements PersonNames {

    private final AccountService accounts;
    private final Cache<String, Optional<String>> names = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    AccountPersonNames(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        return names.get(username, u -> accounts.find(u).map(AppUser::getDisplayName).filter(n -> !n.isBlank()))
                .orElse(username);
    }
}
