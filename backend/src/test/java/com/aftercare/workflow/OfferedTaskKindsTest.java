package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;

/**
 * The inbox asks for the unclaimed tasks of my roles by kind of task, the kinds the models offer to my groups (ADR 0070):
 * every shipped user task is offered by kind to exactly the groups its model names, and through claim, unclaim,
 * reassignment, completion and suspension, on a model deployed while the application runs (with a kind whose groups an
 * expression decides), the inbox holds exactly what the engine's own "assignee = me or candidate group in mine" query
 * holds, in the same order, each task once, with the same count.
 */
class OfferedTaskKindsTest extends IntegrationTest {

    @Autowired OfferedTaskKinds kinds;
    @Autowired ReadTaskInbox inbox;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;

    @Test
    void everyShippedUserTaskIsOfferedByItsKindToTheGroupsItsModelNames() {
        OfferedTaskKinds.Known known = kinds.under(kinds.stampNow());
        int userTasks = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            if (definition.getKey().startsWith("offeredKindsTest")) {
                continue; // the other test's model, if it ran first and was not removed yet
            }
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                for (String group : task.getCamundaCandidateGroupsList()) {
                    assertThat(known.offeredTo(List.of(group))).as(definition.getKey() + " " + task.getId()).contains(task.getId());
                }
                for (Role role : Role.values()) {
                    if (!task.getCamundaCandidateGroupsList().contains(role.name())) {
                        assertThat(known.byGroup().getOrDefault(role.name(), Set.of()))
                                .as(task.getId() + " is not offered to " + role + " by its model").doesNotContain(task.getId());
                    }
                }
            }
        }
        assertThat(userTasks).as("the shipped models' user tasks").isGreaterThan(20);
        // no shipped kind is offered to every group: else an engineer's inbox would ask the desk's unclaimed tasks again
        assertThat(known.anyGroup()).isEmpty();
        List<String> everyRole = java.util.Arrays.stream(Role.values()).map(Role::name).toList();
        assertThat(known.perhapsOfferedTo(everyRole)).as("every shipped kind is taken by kind alone").isEmpty();
        assertThat(known.offeredTo(List.of(Role.ENGINEER.name()))).doesNotContain("firstLineResolution", "assignEngineer")
                .contains("acceptAssignment", "diagnoseAndFix", "quoteWork");
    }

    @Test
    void theInboxHoldsWhatTheEnginesCandidateQueryHoldsThroughClaimUnclaimReassignCompleteAndSuspend() {
        report(Category.DEFECT); // a desk task, so the desk's inbox is not empty whatever ran before
        inbox.read("t-eng", roles("t-eng")); // the kinds read under the repository as it is now
        String deployment = repositoryService.createDeployment().name("offered kinds test")
                .addString("offered-kinds-test.bpmn", MODEL).addString("offered-kinds-other.bpmn", OTHER_MODEL).deploy().getId();
        try {
            OfferedTaskKinds.Known before = kinds.known();
            ProcessInstance a = runtimeService.startProcessInstanceByKey("offeredKindsTest", Map.of("group", "ENGINEER"));
            ProcessInstance b = runtimeService.startProcessInstanceByKey("offeredKindsTest", Map.of("group", "SUPERVISOR"));
            ProcessInstance other = runtimeService.startProcessInstanceByKey("offeredKindsTestOther");
            agree("after a deployment the inbox did not know of");
            assertThat(kinds.known().perhapsOfferedTo(List.of("ENGINEER"))).as("offered to another group by another model")
                    .containsExactly("offeredKindsEngineer", "offeredKindsExpression");
            assertThat(kinds.known().exactlyOfferedTo(List.of("ENGINEER"))).contains("offeredKindsBoth");
            assertThat(ids("t-sup", Set.of(Role.SUPERVISOR))).contains(task(other, "offeredKindsEngineer"));
            assertThat(ids("t-eng", Set.of(Role.ENGINEER))).doesNotContain(task(other, "offeredKindsEngineer"));
            assertThat(kinds.known().stamp()).as("the page read the new deployment's kinds").isNotEqualTo(before.stamp());
            assertThat(kinds.known().offeredTo(List.of("ENGINEER"))).contains("offeredKindsBoth", "offeredKindsEngineer",
                    "offeredKindsExpression");
            assertThat(kinds.known().anyGroup()).containsExactly("offeredKindsExpression");
            assertThat(ids("t-eng", Set.of(Role.ENGINEER))).contains(task(a, "offeredKindsBoth"), task(a, "offeredKindsEngineer"),
                    task(a, "offeredKindsExpression")).doesNotContain(task(b, "offeredKindsExpression"));

            taskService.claim(task(a, "offeredKindsEngineer"), "t-eng");
            agree("claimed");
            assertThat(ids("t-eng2", Set.of(Role.ENGINEER))).doesNotContain(task(a, "offeredKindsEngineer"));
            taskService.setAssignee(task(a, "offeredKindsEngineer"), "t-eng2");
            agree("reassigned");
            taskService.setAssignee(task(a, "offeredKindsEngineer"), null);
            agree("unclaimed");
            assertThat(ids("t-eng", Set.of(Role.ENGINEER))).contains(task(a, "offeredKindsEngineer"));
            taskService.claim(task(a, "offeredKindsBoth"), "t-desk");
            agree("claimed by the desk");
            taskService.complete(task(a, "offeredKindsBoth"));
            agree("completed");
            runtimeService.suspendProcessInstanceById(b.getId());
            agree("suspended");
            assertThat(ids("t-desk", Set.of(Role.SERVICE_DESK))).doesNotContain(task(b, "offeredKindsBoth"));
            runtimeService.activateProcessInstanceById(b.getId());
            agree("activated again");
            assertThat(ids("t-desk", Set.of(Role.SERVICE_DESK))).contains(task(b, "offeredKindsBoth"));
            taskService.complete(task(a, "offeredKindsEngineer"));
            agree("completed unclaimed");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        agree("the deployment removed");
    }

    /** For each user: the inbox's pages read to the end equal the engine's query, and the count is their number. */
    private void agree(String when) {
        Map<String, Set<Role>> users = Map.of("t-eng", Set.of(Role.ENGINEER), "t-eng2", Set.of(Role.ENGINEER),
                "t-desk", Set.of(Role.SERVICE_DESK), "t-both", Set.of(Role.SERVICE_DESK, Role.ENGINEER),
                "t-sup", Set.of(Role.SUPERVISOR));
        users.forEach((user, roles) -> {
            List<String> engine = taskService.createTaskQuery().or().taskAssignee(user)
                    .taskCandidateGroupIn(roles.stream().map(Role::name).toList()).endOr().active()
                    .orderByTaskCreateTime().desc().orderByTaskId().desc().list().stream().map(Task::getId).toList();
            List<String> ours = ids(user, roles);
            assertThat(ours).as(when + ": " + user + "'s inbox").isEqualTo(engine).doesNotHaveDuplicates();
            assertThat(inbox.readPage(user, roles, 0, 20).totalElements()).as(when + ": " + user + "'s count").isEqualTo(engine.size());
        });
    }

    private List<String> ids(String user, Set<Role> roles) {
        List<String> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            List<TaskView> views = inbox.read(user, roles, page, ReadTaskInbox.PAGE);
            views.forEach(v -> ids.add(v.id()));
            if (views.size() < ReadTaskInbox.PAGE) {
                return ids;
            }
        }
    }

    private String task(ProcessInstance instance, String kind) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(kind).singleResult().getId();
    }

    /** Another process with a task of the same id, offered to another group: the kind is no longer exact. */
    private static final String OTHER_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                targetNamespace="http://aftercare.test/offered-kinds-other">
              <process id="offeredKindsTestOther" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="f0" sourceRef="start" targetRef="offeredKindsEngineer"/>
                <userTask id="offeredKindsEngineer" camunda:candidateGroups="SUPERVISOR"/>
                <sequenceFlow id="f1" sourceRef="offeredKindsEngineer" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    /** Three kinds at once: offered to two groups, to one, and to whatever the variable "group" says. */
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                targetNamespace="http://aftercare.test/offered-kinds">
              <process id="offeredKindsTest" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
                <parallelGateway id="fork"/>
                <sequenceFlow id="f1" sourceRef="fork" targetRef="offeredKindsBoth"/>
                <sequenceFlow id="f2" sourceRef="fork" targetRef="offeredKindsEngineer"/>
                <sequenceFlow id="f3" sourceRef="fork" targetRef="offeredKindsExpression"/>
                <userTask id="offeredKindsBoth" camunda:candidateGroups="SERVICE_DESK,ENGINEER"/>
                <userTask id="offeredKindsEngineer" camunda:candidateGroups="ENGINEER"/>
                <userTask id="offeredKindsExpression" camunda:candidateGroups="${group}"/>
                <sequenceFlow id="f4" sourceRef="offeredKindsBoth" targetRef="end1"/>
                <sequenceFlow id="f5" sourceRef="offeredKindsEngineer" targetRef="end2"/>
                <sequenceFlow id="f6" sourceRef="offeredKindsExpression" targetRef="end3"/>
                <endEvent id="end1"/>
                <endEvent id="end2"/>
                <endEvent id="end3"/>
              </process>
            </definitions>
            """;
}
