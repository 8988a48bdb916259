package com.aftercare.agent;

import java.security.Principal;

/** The agent a request on /api/agent/** comes from; its name is what the case timeline shows as the actor. */
public record AgentPrincipal(Long agentId, String agentName) implements Principal {

    @Override
    public String getName() {
        return "probe-agent:" + agentName;
    }
}
