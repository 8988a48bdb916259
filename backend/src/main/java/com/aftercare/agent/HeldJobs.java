package com.aftercare.agent;

import java.util.Date;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.springframework.stereotype.Component;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/**
 * A job an agent reports on must be a probe job locked by that agent now: a job that does not exist (or is not a
 * probe job) is 404; one not locked by it, or whose lock expired (it may be fetched again, by it or, once revoked,
 * by the server), is 409. So a late or foreign result never decides a case.
 */
@Component
class HeldJobs {

    private final ExternalTaskService externalTasks;

    HeldJobs(ExternalTaskService externalTasks) {
        this.externalTasks = externalTasks;
    }

    ExternalTask heldBy(ProbeAgent agent, String jobId) {
        ExternalTask task = jobId == null || jobId.length() > 64 ? null
                : externalTasks.createExternalTaskQuery().externalTaskId(jobId).singleResult();
        if (task == null || !ProbeRoutes.TOPIC.equals(task.getTopicName())) {
            throw new NotFoundException("No probe job " + jobId);
        }
        Date expires = task.getLockExpirationTime();
        if (!agent.workerId().equals(task.getWorkerId()) || expires == null || !expires.after(new Date())) {
            throw new ConflictException("Probe job " + jobId + " is not held by this agent (never fetched by it, or its lock expired)");
        }
        return task;
    }
}
