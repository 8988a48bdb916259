package com.aftercare.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.aftercare.engineer.EngineerService;
import com.aftercare.ticket.AssignEngineer;
import com.aftercare.ticket.ChangeStatus;
import com.aftercare.ticket.TicketStatus;

/**
 * The models say which ticket status each step means ({@code camunda:property name="ticketStatus"});
 * this listener makes it so when the step starts, so a process owner changes statuses in the model,
 * not in Java. User tasks also copy their assignee onto the ticket.
 */
@Component
class TicketStepParseListener extends AbstractBpmnParseListener {

    static final String STATUS_PROPERTY = "ticketStatus";

    private final ChangeStatus changeStatus;
    private final AssignEngineer assignEngineer;
    private final EngineerService engineers;

    TicketStepParseListener(@Lazy ChangeStatus changeStatus, @Lazy AssignEngineer assignEngineer,
            @Lazy EngineerService engineers) {
        this.changeStatus = changeStatus;
        this.assignEngineer = assignEngineer;
        this.engineers = engineers;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStatusListener(element, activity);
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this::recordAssignee);
            behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::recordAssignee);
        }
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStatusListener(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        addStatusListener(element, activity);
    }

    private void addStatusListener(Element element, ActivityImpl activity) {
        String status = property(element, STATUS_PROPERTY);
        if (status == null) {
            return;
        }
        TicketStatus target = TicketStatus.valueOf(status);
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
            Long ticketId = ticketId(execution);
            if (ticketId != null) {
                changeStatus.change(ticketId, target);
            }
        });
    }

    /**
     * An engineer taking (or being given) an engineer's task becomes the ticket's engineer, and the
     * case's later steps ({@code assignee="${engineer}"}) go to them. Desk users holding a shared
     * task (receiveFromVendor) do not change who the engineer is.
     */
    private void recordAssignee(DelegateTask task) {
        Long ticketId = ticketId(task.getExecution());
        String assignee = task.getAssignee();
        if (ticketId == null || assignee == null || !engineers.exists(assignee)
                || task.getCandidates().stream().noneMatch(link -> "ENGINEER".equals(link.getGroupId()))) {
            return;
        }
        assignEngineer.assign(ticketId, assignee);
        task.getExecution().setVariable("engineer", assignee);
    }

    private static Long ticketId(DelegateExecution execution) {
        return execution.getVariable("ticketId") instanceof Number n ? n.longValue() : null;
    }

    static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return null;
        }
        Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (name.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
