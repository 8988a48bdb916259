package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import com.aftercare.support.IntegrationTest;
import com.aftercare.support.RecordedHistory;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** The engine knows who acts during an API request (user and role groups), and forgets it afterwards. */
class EngineAuthenticationTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired @Qualifier("engineAuthenticationFilter") FilterRegistrationBean<EngineAuthentication.Filter> registration;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        identityService.clearAuthentication();
    }

    @Test
    void anApiRequestActsAsItsUserInTheEngine() {
        Ticket ticket = report(Category.DEFECT);
        String taskId = task(ticket, "firstLineResolution").id();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("t-desk", PASSWORD);

        var response = rest.exchange("/api/tasks/" + taskId + "/claim", HttpMethod.POST, new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(204);
        // the engine only writes its operation log for an authenticated user: this entry exists because of the filter
        // (the product does not store that log, ADR 0058: the tests see the engine's event in memory)
        assertThat(recordedHistory.taskOperations(taskId))
                .contains(new RecordedHistory.Operation(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "t-desk"));
    }

    @Test
    void setsUserAndRoleGroupsDuringTheRequestAndClearsThemAfter() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t-sup", null,
                AuthorityUtils.createAuthorityList("ROLE_SUPERVISOR", "ROLE_SERVICE_DESK", "SCOPE_profile")));
        AtomicReference<Authentication> during = new AtomicReference<>();

        registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/api/tasks"), new MockHttpServletResponse(),
                (req, res) -> during.set(identityService.getCurrentAuthentication()));

        assertThat(during.get().getUserId()).isEqualTo("t-sup");
        assertThat(during.get().getGroupIds()).containsExactly("SERVICE_DESK", "SUPERVISOR");
        assertThat(identityService.getCurrentAuthentication()).isNull();
    }

    @Test
    void clearsEvenWhenTheRequestFails() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t-eng", null,
                AuthorityUtils.createAuthorityList("ROLE_ENGINEER")));

        assertThatThrownBy(() -> registration.getFilter().doFilter(new MockHttpServletRequest("POST", "/api/tasks/1/complete"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("boom");
                })).hasMessage("boom");

        assertThat(identityService.getCurrentAuthentication()).isNull();
    }

    @Test
    void anonymousRequestsActAsNobodyAndClearWhatAThreadStillHeld() throws Exception {
        identityService.setAuthentication("left-over", List.of("ADMIN")); // e.g. from a bug elsewhere on this thread
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        AtomicReference<Authentication> during = new AtomicReference<>();

        registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/api/auth/config"), new MockHttpServletResponse(),
                (req, res) -> during.set(identityService.getCurrentAuthentication()));

        assertThat(during.get()).isNotNull(); // the filter does not set anyone for an anonymous request ...
        assertThat(during.get().getUserId()).isEqualTo("left-over");
        assertThat(identityService.getCurrentAuthentication()).isNull(); // ... but leaves the thread clean
    }

    @Test
    void runsInsideSpringSecuritysChainSoTheUserIsKnown() {
        assertThat(registration.getOrder()).isGreaterThan(SecurityProperties.DEFAULT_FILTER_ORDER);
        assertThat(registration.getUrlPatterns()).containsExactly("/api/*");
    }
}
