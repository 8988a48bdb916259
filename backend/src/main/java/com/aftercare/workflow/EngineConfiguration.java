package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Hardens and extends the embedded engine:
 * <ul>
 * <li>expressions in models see only the product's delegates and listeners, never arbitrary beans
 *     (a deployed model must not reach, say, the DataSource);</li>
 * <li>every step that declares a {@code ticketStatus} property moves the ticket to that status, and
 *     user tasks record their assignee on the ticket (see {@link TicketStepParseListener}).</li>
 * </ul>
 */
@Component
class EngineConfiguration extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final TicketStepParseListener ticketStepParseListener;

    EngineConfiguration(ApplicationContext context, TicketStepParseListener ticketStepParseListener) {
        this.context = context;
        this.ticketStepParseListener = ticketStepParseListener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(ticketStepParseListener);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The allow-list: by bean type, so a new delegate is visible as soon as it exists.
        Map<Object, Object> beans = new HashMap<>();
        for (Class<?> type : new Class<?>[] { JavaDelegate.class, ExecutionListener.class, TaskListener.class }) {
            context.getBeansOfType(type).forEach((name, bean) -> {
                if (bean.getClass().getName().startsWith("com.aftercare")) {
                    beans.put(name, bean);
                }
            });
        }
        configuration.setBeans(beans);
    }
}
