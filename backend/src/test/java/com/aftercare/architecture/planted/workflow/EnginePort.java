package com.aftercare.architecture.planted.workflow;

import org.camunda.bpm.engine.RuntimeService;

/** Allowed, as a control: the workflow feature may know the engine, so the allow-list must not report this. */
public interface EnginePort {

    void start(RuntimeService engine);
}
