package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.aftercare.support.MutableClock;

/**
 * The rate limits stay bounded in memory whatever names arrive, and still hold for the names that matter:
 * 100 000 sign-in failures under random user names (or fault reports from random addresses) leave at most the
 * configured number of keys tracked, and a user name being guessed stays locked through the flood.
 */
class BoundedRateLimitsTest {

    static final int MAX_KEYS = 10_000;
    static final int FLOOD = 100_000;

    final MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));

    @Test
    void randomUserNamesNeitherGrowTheThrottleNorUnlockTheNameBeingGuessed() {
        SignInThrottle throttle = new SignInThrottle(clock, 10, Duration.ofMinutes(5), MAX_KEYS);
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("li.lei");
        }
        assertThat(throttle.retryAfterSeconds("li.lei")).as("ten failures lock the name").isBetween(1L, 300L);

        for (int i = 0; i < FLOOD; i++) {
            String random = UUID.randomUUID().toString();
            throttle.retryAfterSeconds(random); // as the filter asks before authenticating
            throttle.recordFailure(random);
            if (i % 1_000 == 0) {
                throttle.retryAfterSeconds("li.lei"); // the attacker keeps trying the real name too
            }
        }

        assertThat(throttle.trackedNames()).isLessThanOrEqualTo(MAX_KEYS);
        assertThat(throttle.retryAfterSeconds("LI.LEI ")).as("still locked after the flood, in any spelling").isBetween(1L, 300L);

        for (int i = 0; i < 9; i++) {
            throttle.recordFailure("han.meimei");
        }
        assertThat(throttle.retryAfterSeconds("han.meimei")).as("nine failures are allowed").isZero();
        throttle.recordFailure("han.meimei");
        assertThat(throttle.retryAfterSeconds("han.meimei")).as("the tenth locks a name first seen after the flood").isPositive();

        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.retryAfterSeconds("li.lei")).as("after the window").isZero();
    }

    @Test
    void faultReportsAreLimitedPerCallerAndRandomAddressesStayBounded() throws Exception {
        SignInThrottle throttle = new SignInThrottle(clock, 10, Duration.ofMinutes(5), MAX_KEYS);
        RateLimitFilter filter = new RateLimitFilter(throttle, clock, 60, MAX_KEYS);

        for (int i = 0; i < 60; i++) {
            assertThat(report(filter, "61.135.169.10").getStatus()).as("report " + (i + 1)).isEqualTo(200);
        }
        MockHttpServletResponse refused = report(filter, "61.135.169.10");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getContentAsString()).contains("More than 60 fault reports a minute");
        assertThat(report(filter, "61.135.169.11").getStatus()).as("another caller is not affected").isEqualTo(200);

        for (int i = 0; i < FLOOD; i++) {
            report(filter, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(filter.trackedCallers()).isLessThanOrEqualTo(MAX_KEYS);

        clock.advance(Duration.ofMinutes(1));
        assertThat(report(filter, "61.135.169.10").getStatus()).as("a minute later").isEqualTo(200);
    }

    private static MockHttpServletResponse report(RateLimitFilter filter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tickets");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
