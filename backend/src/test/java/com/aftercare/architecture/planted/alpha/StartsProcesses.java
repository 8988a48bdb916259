package com.aftercare.architecture.planted.alpha;

import org.camunda.bpm.engine.RuntimeService;

/** Planted: a feature outside workflow and modeling that talks to the engine (breaks the engine allow-list). */
public interface StartsProcesses {

    void start(RuntimeService engine);
}
