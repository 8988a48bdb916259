package com.aftercare.workflow;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A read-only variable scope over variables already loaded in one batch, so that a form's
 * expressions can be evaluated for many tasks without the engine loading each task's variables
 * with its own statements. Only variables: {@code execution} and {@code task} are not here.
 */
final class KnownVariables extends StartProcessVariableScope {

    private final VariableMap variables = Variables.createVariables();

    KnownVariables(Map<String, TypedValue> typed) {
        typed.forEach(variables::putValueTyped);
    }

    @Override
    public Object getVariable(String name) {
        return variables.get(name);
    }

    @Override
    public Object getVariable(String name, boolean deserialize) {
        return variables.get(name);
    }

    @Override
    public <T extends TypedValue> T getVariableTyped(String name) {
        return variables.getValueTyped(name);
    }

    @Override
    public <T extends TypedValue> T getVariableTyped(String name, boolean deserialize) {
        return variables.getValueTyped(name);
    }

    @Override
    public boolean hasVariable(String name) {
        return variables.containsKey(name);
    }

    @Override
    public boolean hasVariables() {
        return !variables.isEmpty();
    }

    @Override
    public Set<String> getVariableNames() {
        return variables.keySet();
    }

    @Override
    public VariableMap getVariables() {
        return variables;
    }

    @Override
    public VariableMap getVariablesTyped() {
        return variables;
    }

    @Override
    public VariableMap getVariablesTyped(boolean deserialize) {
        return variables;
    }
}
