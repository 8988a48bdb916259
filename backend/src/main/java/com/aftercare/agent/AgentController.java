package com.aftercare.agent;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.ForbiddenException;

/** The probe agent's API (docs/probe-agent.md, ADR 0032); authenticated by AgentSecurityConfig. */
@RestController
class AgentController {

    record FetchRequest(Integer maxJobs) {
    }

    record Recorded(boolean passed) {
    }

    record Retried(int triesLeft) {
    }

    private final FetchAgentJobs fetch;
    private final ReportAgentResult result;
    private final ReportAgentFailure failure;
    private final AgentLimits limits;

    AgentController(FetchAgentJobs fetch, ReportAgentResult result, ReportAgentFailure failure, AgentLimits limits) {
        this.fetch = fetch;
        this.result = result;
        this.failure = failure;
        this.limits = limits;
    }

    /** Held open up to ~25 s until a job of the agent's sites is due; [] when none came. */
    @PostMapping("/api/agent/jobs/fetch")
    List<FetchAgentJobs.AgentJob> fetch(@AuthenticationPrincipal AgentPrincipal agent, @RequestBody(required = false) FetchRequest body,
            HttpServletRequest request) {
        requireHttps(request);
        return fetch.fetch(agent.agentId(), body == null ? null : body.maxJobs());
    }

    @PostMapping("/api/agent/jobs/{jobId}/result")
    Recorded result(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String jobId,
            @RequestBody(required = false) ReportAgentResult.Result body) {
        return new Recorded(result.report(agent.agentId(), jobId, body));
    }

    @PostMapping("/api/agent/jobs/{jobId}/failure")
    ResponseEntity<Retried> failure(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable String jobId,
            @RequestBody(required = false) ReportAgentFailure.Failure body) {
        return ResponseEntity.ok(new Retried(failure.report(agent.agentId(), jobId, body)));
    }

    /**
     * Jobs carry device passwords: they leave only over HTTPS (request.isSecure(), which honours X-Forwarded-Proto
     * when server.forward-headers-strategy is set behind a proxy), or to a caller on this machine.
     */
    private void requireHttps(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        boolean loopback = "127.0.0.1".equals(remote) || "0:0:0:0:0:0:0:1".equals(remote) || "::1".equals(remote);
        if (limits.requireHttps && !request.isSecure() && !loopback) {
            throw new ForbiddenException("Probe jobs are handed out over HTTPS only");
        }
    }
}
