package com.aftercare.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.ConsumptionProbe;

import com.aftercare.common.Problems;

/**
 * 429 before any work is done: a user name locked by {@link SignInThrottle} (for HTTP Basic and the
 * SPA's sign-in), and more than {@code intakePerMinute} fault reports a minute from one caller (a
 * monitoring system gone wild, a script) on {@code POST /api/tickets}: a bucket of {@code intakePerMinute} tokens
 * per caller, refilled steadily over a minute. The buckets are shared by all nodes on PostgreSQL ({@link RateLimitStore});
 * in memory at most {@code maxKeys} callers are tracked ({@link BoundedBuckets}).
 * Runs before authentication.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final SignInThrottle signIns;
    private final int intakePerMinute;
    private final Buckets intake;

    /** This node's memory only (unit tests). */
    RateLimitFilter(SignInThrottle signIns, Clock clock, int intakePerMinute, long maxKeys) {
        this(signIns, intakePerMinute, new BoundedBuckets(clock, maxKeys, Duration.ofMinutes(1),
                bucket -> bucket.addLimit(perMinute(intakePerMinute))));
    }

    RateLimitFilter(SignInThrottle signIns, RateLimitStore store, int intakePerMinute) {
        this(signIns, intakePerMinute, store.buckets("intake", Duration.ofMinutes(1), perMinute(intakePerMinute)));
    }

    private RateLimitFilter(SignInThrottle signIns, int intakePerMinute, Buckets intake) {
        this.signIns = signIns;
        this.intakePerMinute = intakePerMinute;
        this.intake = intake;
    }

    private static Function<BandwidthBuilderCapacityStage, BandwidthBuilderBuildStage> perMinute(int intakePerMinute) {
        return limit -> limit.capacity(intakePerMinute).refillGreedy(intakePerMinute, Duration.ofMinutes(1));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request);
        if (user != null) {
            long wait = signIns.retryAfterSeconds(user);
            if (wait > 0) {
                Problems.writeTooManyRequests(response, wait,
                        "Too many failed sign-ins for this user; try again in " + wait + " s");
                return;
            }
        }
        if ("POST".equals(request.getMethod()) && "/api/tickets".equals(path(request))) {
            String token = user == null ? ApiTokenSignIn.token(request) : null;
            // a machine client is counted per token (by its hash code, so the token itself is kept in no map)
            String caller = user != null ? "user:" + user
                    : token != null ? "token:" + Integer.toHexString(token.hashCode()) : "ip:" + request.getRemoteAddr();
            ConsumptionProbe report = intake.of(caller).tryConsumeAndReturnRemaining(1);
            if (!report.isConsumed()) {
                long refill = Math.max(1, SignInThrottle.ceilSeconds(report.getNanosToWaitForRefill()));
                Problems.writeTooManyRequests(response, refill,
                        "More than " + intakePerMinute + " fault reports a minute; slow down (use Idempotency-Key for retries)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Callers tracked now; never more than the configured maximum. */
    long trackedCallers() {
        return intake.trackedKeys();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The user name of an HTTP Basic header, or null. */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
