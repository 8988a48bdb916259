package com.aftercare.workflow;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The beans a model's expressions may reach: the product's own delegates and listeners, by type, so
 * a new delegate is usable as soon as it exists. Nothing else (not the DataSource, not a repository,
 * not the engine's services) resolves in an expression. The engine and the deployment guard both
 * read this one list.
 */
@Component
public class EngineBeans {

    private final ApplicationContext context;
    /** The allow-list once the context is complete; before that it is looked up on every use. */
    private volatile Map<Object, Object> complete;

    EngineBeans(ApplicationContext context) {
        this.context = context;
    }

    @EventListener(ContextRefreshedEvent.class)
    void contextComplete(ContextRefreshedEvent event) {
        if (event.getApplicationContext() == context) {
            complete = Collections.unmodifiableMap(allowList());
        }
    }

    /**
     * The allow-list as a map the expression manager can be built with before the delegates exist:
     * it is read only when an expression is evaluated.
     */
    Map<Object, Object> lazyAllowList() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<Object, Object>> entrySet() {
                Map<Object, Object> beans = complete;
                return (beans != null ? beans : allowList()).entrySet();
            }
        };
    }

    /** Name to bean, for the engine's expression manager. */
    Map<Object, Object> allowList() {
        Map<Object, Object> beans = new HashMap<>();
        for (Class<?> type : new Class<?>[] { JavaDelegate.class, ExecutionListener.class, TaskListener.class }) {
            beans.putAll(ours(type));
        }
        return beans;
    }

    /** Names usable as {@code camunda:delegateExpression} of a service, send or business-rule task. */
    public Set<String> delegateNames() {
        return names(JavaDelegate.class);
    }

    /** Names usable as an execution listener's delegate expression. */
    public Set<String> executionListenerNames() {
        return names(ExecutionListener.class);
    }

    /** Names usable as a task listener's delegate expression. */
    public Set<String> taskListenerNames() {
        return names(TaskListener.class);
    }

    /** Every bean name in the application, so the guard can tell a bean reference from a process variable. */
    public Set<String> allBeanNames() {
        Set<String> names = new TreeSet<>();
        Collections.addAll(names, context.getBeanDefinitionNames());
        return names;
    }

    /** All names on the allow-list. */
    public Set<String> allowedNames() {
        Set<String> names = new TreeSet<>();
        allowList().keySet().forEach(k -> names.add((String) k));
        return names;
    }

    private Set<String> names(Class<?> type) {
        return new TreeSet<>(ours(type).keySet().stream().map(String.class::cast).toList());
    }

    private Map<Object, Object> ours(Class<?> type) {
        Map<Object, Object> beans = new HashMap<>();
        context.getBeansOfType(type).forEach((name, bean) -> {
            if (bean.getClass().getName().startsWith("com.aftercare")) {
                beans.put(name, bean);
            }
        });
        return beans;
    }
}
