package com.aftercare.agent;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The desk was told that this probe job waits for its site's offline agent (once per job). */
@Entity
@Table(name = "probe_agent_wait")
class AgentWait {

    @Id
    private String externalTaskId;
    private Long ticketId;
    private Long agentId;
    private Instant noticedAt;

    protected AgentWait() {
    }

    AgentWait(String externalTaskId, Long ticketId, Long agentId, Instant noticedAt) {
        this.externalTaskId = externalTaskId;
        this.ticketId = ticketId;
        this.agentId = agentId;
        this.noticedAt = noticedAt;
    }
}
