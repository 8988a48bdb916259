package com.aftercare.ticket;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Puts the case number into the log context (MDC key {@value #KEY}) while an API route of one case
 * ({@code /api/tickets/{id}/...}) is handled, so every line logged for it, ours or a library's, names the case an
 * operator is asked about (README "Logs"). Jobs, delegates and listeners get the same key from the engine
 * ({@code loggingContextBusinessKey}: a case's processes carry its number as business key).
 * <p>
 * The route carries the ticket's id, the logs should carry its number: a number never changes once given, so each id
 * is read once per node and kept (bounded), and a request costs no query after the first on its case.
 */
@Component
class CaseNumberInLogs implements WebMvcConfigurer, HandlerInterceptor {

    /** The MDC key, shared with the engine's logging context (application.yml). */
    static final String KEY = "case";

    private final TicketRepository tickets;
    private final TransactionTemplate readOnly;
    private final Cache<Long, String> numbers = Caffeine.newBuilder().maximumSize(10_000).build();

    CaseNumberInLogs(TicketRepository tickets, TransactionTemplate transaction) {
        this.tickets = tickets;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/tickets/*", "/api/tickets/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.getOrDefault("id", variables.get("ticketId"));
        if (id != null && id.matches("\\d{1,18}")) {
            numberOf(Long.parseLong(id)).ifPresent(number -> MDC.put(KEY, number));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        MDC.remove(KEY);
    }

    private Optional<String> numberOf(long id) {
        String known = numbers.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> number = readOnly.execute(s -> tickets.findNumber(id));
        number.ifPresent(n -> numbers.put(id, n));
        return number;
    }
}
