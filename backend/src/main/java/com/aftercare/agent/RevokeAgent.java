package com.aftercare.agent;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * Revokes an agent: its token answers 401 from the next request on, and its sites' jobs go back to this server's
 * worker. A job it holds now stays locked until the lock expires (its result is then refused), then runs here.
 */
@Service
public class RevokeAgent {

    private final ProbeAgentRepository agents;
    private final Clock clock;

    RevokeAgent(ProbeAgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional
    public ProbeAgent revoke(Long id) {
        ProbeAgent agent = agents.findById(id).orElseThrow(() -> new NotFoundException("No probe agent " + id));
        if (agent.isActive()) {
            agent.revoke(CurrentUser.username(), clock.instant());
        }
        return agent;
    }
}
