package com.aftercare.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The workflow port for the probe jobs of verification.bpmn (external-task topic {@value #TOPIC}): the jobs due now with
 * their ticket ids, and lock, extend, unlock, complete and fail one of them. Both the server's in-process worker
 * ({@code workflow.steps.ProbeWorker}) and the probe agents' endpoints ({@code agent}) go through it, so only the
 * workflow package knows the engine's external-task API (ADR 0002, ADR 0032 amendment). The engine's fetch-and-lock
 * cannot filter by site, so routing lists the waiting jobs and locks the chosen ones one by one; {@link #lock} fails
 * when someone else took the job in between.
 */
@Component
public class ProbeJobs {

    /** Topic of the probe jobs (verification.bpmn, probeDevice). */
    public static final String TOPIC = "device-probe";

    /**
     * A probe job. ticketId: the case it verifies (null when the process lacks one); inspectionId and deviceId: the
     * preventive inspection and device whose automated items it checks (inspection-probe.bpmn, ADR 0052; null for a
     * case's job); retries: what the engine has left (null: never failed); workerId and lockExpiresAt: who holds it
     * until when (null when nobody does).
     */
    public record Job(String id, Long ticketId, Long inspectionId, Long deviceId, Integer retries, String workerId,
            Instant lockExpiresAt) {

        /** A job of a preventive inspection's automated items, not of a case. */
        public boolean ofInspection() {
            return ticketId == null && inspectionId != null && deviceId != null;
        }

        /** Whether this worker holds the job now, by the engine's clock (a lock that ran out is held by nobody). */
        public boolean heldBy(String worker, Instant engineNow) {
            return worker != null && worker.equals(workerId) && lockExpiresAt != null && lockExpiresAt.isAfter(engineNow);
        }
    }

    private final ExternalTaskService externalTasks;
    private final RuntimeService runtime;

    ProbeJobs(ExternalTaskService externalTasks, RuntimeService runtime) {
        this.externalTasks = externalTasks;
        this.runtime = runtime;
    }

    /** Jobs nobody holds now and that are due (a failed job's retry wait is a lock until then), oldest first. */
    public List<Job> waiting() {
        return externalTasks.createExternalTaskQuery().topicName(TOPIC).notLocked().active().withRetriesLeft()
                .orderByCreateTime().asc().list().stream().map(this::job).toList();
    }

    /** A probe job by id, whatever its lock; empty when there is none or the id is another topic's task. */
    public Optional<Job> find(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        ExternalTask task = externalTasks.createExternalTaskQuery().externalTaskId(id).singleResult();
        return task == null || !TOPIC.equals(task.getTopicName()) ? Optional.empty() : Optional.of(job(task));
    }

    /** The time the engine judges locks by (real time, unlike the business Clock tests freeze). */
    public Instant engineNow() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Locks a waiting job for a worker; false when it is gone or locked by someone else meanwhile. */
    public boolean lock(String id, String workerId, long millis) {
        try {
            externalTasks.lock(id, workerId, millis);
            return true;
        } catch (ProcessEngineException e) {
            return false;
        }
    }

    /** Extends the lock the worker holds (a long check); false when it no longer holds it. */
    public boolean extendLock(String id, String workerId, long millis) {
        try {
            externalTasks.extendLock(id, workerId, millis);
            return true;
        } catch (ProcessEngineException e) {
            return false;
        }
    }

    /** Gives a locked job back at once. */
    public void unlock(String id) {
        externalTasks.unlock(id);
    }

    /**
     * Completes the job with the verdict the process branches on. Call inside the transaction that records the
     * evidence: the engine checks the worker id again, so a lock taken over meanwhile rolls both back.
     */
    public void complete(String id, String workerId, boolean probePassed) {
        externalTasks.complete(id, workerId, Map.of("probePassed", probePassed));
    }

    /** A try that could not run: offered again after retryWaitMillis while retriesLeft > 0, else an incident. */
    public void fail(String id, String workerId, String message, String details, int retriesLeft, long retryWaitMillis) {
        externalTasks.handleFailure(id, workerId, message, details, retriesLeft, retryWaitMillis);
    }

    private Job job(ExternalTask task) {
        Map<String, Object> vars = runtime.getVariables(task.getExecutionId(), List.of("ticketId", "inspectionId", "deviceId"));
        Date expires = task.getLockExpirationTime();
        return new Job(task.getId(), id(vars.get("ticketId")), id(vars.get("inspectionId")), id(vars.get("deviceId")),
                task.getRetries(), task.getWorkerId(), expires == null ? null : expires.toInstant());
    }

    private static Long id(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
