package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A renamed person reads with the new name once the names' cache time has passed, and not before: the minute a timeline
 * may show the old name is pinned here, on the cache's own ticker (no sleeping).
 */
class AccountPersonNamesTest {

    private final Map<String, AppUser> accounts = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AccountPersonNames names = new AccountPersonNames(u -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(accounts.get(u));
    }, nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aRenamedPersonShowsTheNewNameAfterOneMinuteAndTheOldOneUntilThen() {
        AppUser zhang = new AppUser("zhang", "x", "张伟", Set.of(Role.ENGINEER));
        accounts.put("zhang", zhang);
        assertThat(names.of("zhang")).isEqualTo("张伟");

        zhang.rename("张伟（市区）");
        advance(Duration.ofSeconds(59));
        assertThat(names.of("zhang")).as("within the minute: the name kept").isEqualTo("张伟");
        assertThat(lookups).as("read once, then from the cache").hasValue(1);

        advance(Duration.ofSeconds(1));
        assertThat(names.of("zhang")).as("a minute after it was read").isEqualTo("张伟（市区）");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anUnknownOrUnnamedAccountShowsItsUsernameAndIsLookedUpAgainAfterTheMinute() {
        assertThat(names.of("ghost")).isEqualTo("ghost");
        accounts.put("ghost", new AppUser("ghost", "x", "王芳", Set.of(Role.SERVICE_DESK)));
        advance(Duration.ofSeconds(30));
        assertThat(names.of("ghost")).as("the miss is kept too").isEqualTo("ghost");
        advance(Duration.ofSeconds(30));
        assertThat(names.of("ghost")).isEqualTo("王芳");
        assertThat(names.of(null)).isNull();
        assertThat(names.of(" ")).isEqualTo(" ");
    }
}
