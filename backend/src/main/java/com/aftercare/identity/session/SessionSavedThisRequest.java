package com.aftercare.identity.session;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;

/**
 * The session one request saved, kept for the rest of that request only (ADR 0092), so that Spring Session's second
 * commit of the same request finds it without reading the session table again.
 * <p>
 * A servlet filter just outside Spring Session's own: it opens the slot before the session filter runs and empties it
 * after the session filter's last commit, on every exit. A look-up on a thread with no open slot (a scheduled job, a
 * test calling the repository) reads the store; a session saved in one request is never answered to the next one, which
 * reads it from the table as another node might have changed it. Nested dispatches (an error page, a forward) share the
 * outermost request's slot.
 */
@Component
class SessionSavedThisRequest implements Filter, Ordered {

    /** One slot per request thread while a request runs; no slot (null) outside one. */
    private static final ThreadLocal<Slot> SLOT = new ThreadLocal<>();

    private static final class Slot {
        LazyTouchSessionRepository.LazyTouchSession saved;
    }

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SLOT.get() != null) {
            chain.doFilter(request, response);
            return;
        }
        SLOT.set(new Slot());
        try {
            chain.doFilter(request, response);
        } finally {
            SLOT.remove();
        }
    }

    static void remember(LazyTouchSessionRepository.LazyTouchSession session) {
        Slot slot = SLOT.get();
        if (slot != null) {
            slot.saved = session;
        }
    }

    /** The session this request saved under {@code id}, or null (none saved, another id, or not in a request). */
    static LazyTouchSessionRepository.LazyTouchSession saved(String id) {
        Slot slot = SLOT.get();
        return slot != null && slot.saved != null && slot.saved.getId().equals(id) ? slot.saved : null;
    }

    static void forget(String id) {
        Slot slot = SLOT.get();
        if (slot != null && slot.saved != null && slot.saved.getId().equals(id)) {
            slot.saved = null;
        }
    }
}
