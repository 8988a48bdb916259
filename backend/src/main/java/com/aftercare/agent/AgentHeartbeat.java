package com.aftercare.agent;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every call of an agent is a heartbeat: the admin page shows it online, the offline watch leaves it alone. */
@Component
class AgentHeartbeat {

    private final ProbeAgentRepository agents;
    private final Clock clock;

    AgentHeartbeat(ProbeAgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /** In its own transaction, so that a result refused later still counts as a sign of life. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void beat(Long agentId) {
        agents.touch(agentId, clock.instant());
    }
}
