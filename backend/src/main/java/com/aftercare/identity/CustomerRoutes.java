package com.aftercare.identity;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a customer's user may call at all: report a fault, follow their tickets and clocks, answer
 * the callback, read their own notifications and audit trail, pick their own sites and devices.
 * Every other route answers 403 to them, whatever it is (new routes included: deny by default).
 * Each allowed route scopes its data to the user's customer unit; a ticket, site or device of
 * another unit answers 404, as if it did not exist.
 */
public final class CustomerRoutes {

    private record Route(String method, Pattern path) {
        boolean matches(HttpServletRequest request) {
            String uri = request.getRequestURI().substring(request.getContextPath().length());
            return method.equals(request.getMethod()) && path.matcher(uri).matches();
        }
    }

    static final List<Route> ALLOWED = List.of(
            route("GET", "/api/me"),
            route("POST", "/api/session"),
            route("DELETE", "/api/session"),
            route("GET", "/api/auth/config"),
            route("GET", "/api/tickets"),
            route("POST", "/api/tickets"),
            route("GET", "/api/tickets/\\d+"),
            route("GET", "/api/tickets/\\d+/clocks"),
            route("POST", "/api/tickets/\\d+/callback-answer"),
            route("GET", "/api/tickets/\\d+/audit"),
            route("GET", "/api/audit"),
            route("GET", "/api/customers"),
            // issue 16: the KPI dashboard of their own unit (figures, drill-down, Excel)
            route("GET", "/api/kpi"),
            route("GET", "/api/kpi/cases"),
            route("GET", "/api/kpi/incidents"),
            route("GET", "/api/kpi\\.xlsx"),
            route("GET", "/api/sites"),
            route("GET", "/api/devices"),
            route("GET", "/api/notifications"),
            // issue 15: the bell (count, marks), each reader's own notifications only
            route("GET", "/api/notifications/unread-count"),
            route("POST", "/api/notifications/\\d+/read"),
            route("POST", "/api/notifications/read-all"),
            // issue 12, field steps: the customer reviews the recovery plan and confirms the work remotely
            route("POST", "/api/tickets/\\d+/plan-review"),
            route("POST", "/api/tickets/\\d+/completion-confirmation"),
            // the case's linked cases of their own unit, read-only (ADR 0042); linking stays the desk's
            route("GET", "/api/tickets/\\d+/links"),
            // issue 12: the case's conversation (PUBLIC only) and its files (PUBLIC only)
            route("GET", "/api/tickets/\\d+/conversation"),
            route("POST", "/api/tickets/\\d+/conversation"),
            route("GET", "/api/tickets/\\d+/attachments"),
            route("POST", "/api/tickets/\\d+/attachments"),
            route("GET", "/api/tickets/\\d+/attachments/\\d+"),
            route("GET", "/api/tickets/\\d+/attachments/\\d+/thumbnail"),
            // issue 12: the service form (JSON, and the PDF)
            route("GET", "/api/tickets/\\d+/service-form"),
            route("GET", "/api/tickets/\\d+/service-form\\.pdf"),
            // issue 13: the repair at the vendor (slip dates, outcome, progress reports, loaner)
            route("GET", "/api/tickets/\\d+/repair"),
            // issue 13 (ADR 0028): the repair slip and the scrap certificate as PDFs
            route("GET", "/api/tickets/\\d+/repair-slip\\.pdf"),
            route("GET", "/api/tickets/\\d+/scrap-certificate\\.pdf"),
            // issue 13: warranty and cost, the customer's answers to the quote and the replacement, the scrap certificate
            route("GET", "/api/tickets/\\d+/warranty"),
            route("POST", "/api/tickets/\\d+/quote-approval"),
            route("POST", "/api/tickets/\\d+/replacement-approval"),
            route("GET", "/api/tickets/\\d+/scrap-certificate"),
            // issue 13 (RR-7): their unit's repair reports, listed and downloaded
            route("GET", "/api/repair-reports"),
            route("GET", "/api/repair-reports/\\d+/file"),
            // issue 16 (RP-1): their unit's scheduled service reports, listed and downloaded as Excel or PDF
            route("GET", "/api/service-reports"),
            route("GET", "/api/service-reports/\\d+/(xlsx|pdf)"),
            // issue 15 (RP-4): the published knowledge articles about their own systems
            route("GET", "/api/knowledge/articles"),
            route("GET", "/api/knowledge/articles/\\d+"),
            // preventive inspections of their own unit (issue 16): read, agree or move the time, sign, the report
            route("GET", "/api/inspections"),
            route("GET", "/api/inspections/\\d+"),
            route("POST", "/api/inspections/\\d+/time"),
            route("POST", "/api/inspections/\\d+/sign"),
            route("GET", "/api/inspections/\\d+/report\\.pdf"),
            // a checklist line's photo of their own unit's inspection (ADR 0082; another unit's is 404)
            route("GET", "/api/inspections/\\d+/photos/\\d+"),
            // CB-1, CB-3: the unit's open surveys, answered in the portal
            route("GET", "/api/surveys"),
            route("POST", "/api/surveys/\\d+/answer"),
            // RP-5: the changes to their unit's systems they have been told of (window, scope, fallback)
            route("GET", "/api/changes"),
            route("GET", "/api/changes/\\d+"),
            // and their sign-off once a change is done (用户确认)
            route("POST", "/api/changes/\\d+/confirmation"),
            // RP-4: their unit's configuration items and what a device's failure takes down (read only)
            route("GET", "/api/config-items"),
            route("GET", "/api/config-items/\\d+"),
            route("GET", "/api/config-items/graph"),
            // RP-2/RP-3: their own device's record (its cases); staff-only parts are left out for them
            route("GET", "/api/devices/\\d+/record"),
            route("GET", "/api/devices/\\d+/config-items"),
            // RP-6: the security incidents at their unit: they report one, read how it was investigated and closed,
            // and the counts by kind and impact (seed 003); investigating stays with the provider's supervisors
            route("GET", "/api/security-incidents"),
            route("GET", "/api/security-incidents/stats"),
            route("GET", "/api/security-incidents/\\d+"),
            route("POST", "/api/security-incidents"));

    private static final Set<String> CUSTOMER = Set.of(Role.CUSTOMER.authority());

    private CustomerRoutes() {
    }

    private static Route route(String method, String regex) {
        return new Route(method, Pattern.compile(regex));
    }

    /** Signed in; and if only a customer, one of the customer routes. */
    @SuppressWarnings("deprecation") // the lambda implements AuthorizationManager#check, still its functional method
    static AuthorizationManager<RequestAuthorizationContext> gate() {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return new AuthorizationDecision(false);
            }
            if (!onlyCustomer(auth)) {
                return new AuthorizationDecision(true);
            }
            return new AuthorizationDecision(ALLOWED.stream().anyMatch(r -> r.matches(context.getRequest())));
        };
    }

    /** True for a user whose only role is CUSTOMER (a staff role always wins). */
    static boolean onlyCustomer(Authentication auth) {
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList();
        return !roles.isEmpty() && CUSTOMER.containsAll(roles);
    }

    /** For tests and docs: "GET /api/tickets/\d+". */
    public static List<String> describe() {
        return ALLOWED.stream().map(r -> r.method() + " " + r.path().pattern()).toList();
    }
}
