package com.aftercare.workflow;

/**
 * Implemented by every worker that fetches and completes external tasks; the deployment guard
 * accepts an external service task only for a topic some worker here serves.
 */
public interface ExternalTaskTopics {

    /** The topic this worker fetches. */
    String topic();
}
