package com.aftercare.agent;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The probe agents' figures (application.yml aftercare.agent.*): how long a fetch is held open, how long an agent
 * holds a job, after how long without a call it counts as offline, the first wait after a reported failure
 * (doubling per try), and whether jobs (device passwords) may leave over plain HTTP from a non-loopback caller.
 */
@Component
public class AgentLimits {

    final Duration longPoll;
    final Duration pollStep;
    final Duration lock;
    final Duration offlineAfter;
    final Duration retryDelay;
    final boolean requireHttps;

    AgentLimits(@Value("${aftercare.agent.long-poll:25s}") Duration longPoll,
            @Value("${aftercare.agent.poll-step:500ms}") Duration pollStep,
            @Value("${aftercare.agent.lock:5m}") Duration lock,
            @Value("${aftercare.agent.offline-after:3m}") Duration offlineAfter,
            @Value("${aftercare.agent.retry-delay:30s}") Duration retryDelay,
            @Value("${aftercare.agent.require-https:true}") boolean requireHttps) {
        this.longPoll = longPoll;
        this.pollStep = pollStep;
        this.lock = lock;
        this.offlineAfter = offlineAfter;
        this.retryDelay = retryDelay;
        this.requireHttps = requireHttps;
    }

    public Duration offlineAfter() {
        return offlineAfter;
    }
}
