package com.aftercare.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Display names of the accounts, kept for {@link #KEPT}: a timeline of fifty lines names the same two or three people
 * over and over, and a renamed account reads right again within the minute on every node.
 */
@Component
class AccountPersonNames implements PersonNames {

    /** How long a name is kept; also how long another node may still show a renamed person's old name. */
    static final Duration KEPT = Duration.ofMinutes(1);

    private final Function<String, Optional<AppUser>> accounts;
    private final Cache<String, Optional<String>> names;

    @Autowired
    AccountPersonNames(AccountService accounts) {
        this(accounts::find, Ticker.systemTicker());
    }

    /**
     * With the cache's own time source (Caffeine's ticker, not the application's Clock: the tests move that clock back
     * and forth by years, which would keep a name for ever) so a test can pass the minute without sleeping.
     */
    AccountPersonNames(Function<String, Optional<AppUser>> accounts, Ticker ticker) {
        this.accounts = accounts;
        this.names = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).ticker(ticker).build();
    }

    @Override
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        return names.get(username, u -> accounts.apply(u).map(AppUser::getDisplayName).filter(n -> !n.isBlank()))
                .orElse(username);
    }
}
