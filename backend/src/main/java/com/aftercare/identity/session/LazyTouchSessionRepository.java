package com.aftercare.identity.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The database's session store, except that a session's last use is written at most once per {@code touchStep}
 * (ADR 0077). Spring Session marks a session changed on every request, because each request moves its last-access
 * time, so every request of the SPA paid an UPDATE of its session row and a commit of its own (on PostgreSQL a WAL
 * flush, 2.5-3 ms, ADR 0076) although nothing else about the session changed. Here a request moves the time only
 * when the stored one is {@code touchStep} or more old; a change of attributes, id or timeout is saved as before.
 * <p>
 * The price: the stored last use lags the real one by less than {@code touchStep}, so an idle session expires up to
 * that much earlier than its timeout says (a minute of a four-hour timeout), and the cleanup deletes it that much
 * earlier too. The expiry a request sees is the stored one's, as on every other node reading the same row.
 * <p>
 * It also answers the second look-up of a session within one request from the session this request just saved (ADR
 * 0092): Spring Session's filter commits the session when the response is committed and again when the request ends,
 * and the second commit looks the session up again (spring-session issues 1424 and 1731), a transaction of its own on
 * the session table for a session whose row this very request read and wrote. {@link SessionSavedThisRequest} bounds
 * what is remembered to one request on one thread; outside such a request every look-up reads the store.
 */
final class LazyTouchSessionRepository implements SessionRepository<LazyTouchSessionRepository.LazyTouchSession> {

    private final SessionRepository<Session> store;
    private final Duration touchStep;

    @SuppressWarnings("unchecked")
    LazyTouchSessionRepository(SessionRepository<? extends Session> store, Duration touchStep) {
        // the store takes back the sessions it made; its own session type is not public (JdbcSession)
        this.store = (SessionRepository<Session>) store;
        this.touchStep = touchStep;
    }

    @Override
    public LazyTouchSession createSession() {
        return new LazyTouchSession(store.createSession(), touchStep);
    }

    @Override
    public void save(LazyTouchSession session) {
        store.save(session.stored);
        SessionSavedThisRequest.remember(session);
    }

    @Override
    public LazyTouchSession findById(String id) {
        LazyTouchSession saved = SessionSavedThisRequest.saved(id);
        if (saved != null && !saved.isExpired()) {
            return saved;
        }
        Session stored = store.findById(id);
        return stored == null ? null : new LazyTouchSession(stored, touchStep);
    }

    @Override
    public void deleteById(String id) {
        SessionSavedThisRequest.forget(id);
        store.deleteById(id);
    }

    /** A stored session whose last-access time only moves in steps of {@code touchStep}. */
    static final class LazyTouchSession implements Session {

        private final Session stored;
        private final Duration touchStep;

        LazyTouchSession(Session stored, Duration touchStep) {
            this.stored = stored;
            this.touchStep = touchStep;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // forward only: a node whose clock is a little behind another's does not write an earlier time back
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(touchStep) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
