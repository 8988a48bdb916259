package com.aftercare.workflow;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine runs no scripts at all: whatever language a script names (JavaScript, Groovy, even the
 * engine's own "juel" script engine), none is found. A script that reached the engine by some route
 * the deployment guard did not see still cannot run.
 */
class NoScriptEngines implements ScriptEngineResolver {

    // Looks only at the bootstrap class loader, which on Java 17 holds no script engine.
    private final ScriptEngineManager empty = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        // The engine registers its JUEL script engine here at start-up; it is deliberately dropped.
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return empty;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        return null;
    }
}
