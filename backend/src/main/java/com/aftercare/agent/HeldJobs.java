package com.aftercare.agent;

import java.util.Map;
import org.springframework.stereotype.Component;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.workflow.ProbeJobs;

/**
 * A job an agent reports on must be a probe job locked by that agent now: a job that does not exist (or is not a
 * probe job) is 404; one not locked by it, or whose lock expired (it may be fetched again, by it or, once revoked,
 * by the server), is 409. So a late or foreign result never decides a case.
 */
@Component
class HeldJobs {

    private final ProbeJobs jobs;

    HeldJobs(ProbeJobs jobs) {
        this.jobs = jobs;
    }

    ProbeJobs.Job heldBy(ProbeAgent agent, String jobId) {
        ProbeJobs.Job job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("No probe job " + jobId));
        if (!job.heldBy(agent.workerId(), jobs.engineNow())) {
            throw ConflictException.of("probeJobNotHeld", Map.of("job", jobId));
        }
        return job;
    }
}
