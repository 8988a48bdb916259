package com.aftercare.workflow;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ResourceRole;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which kinds of task (user-task ids, the engine's {@code TASK_DEF_KEY_}) the deployed models offer to a candidate group,
 * so the inbox's "unclaimed tasks of my roles" half can ask the task table for those kinds (an index range per kind)
 * instead of looking up every unclaimed task's candidate links (ADR 0070). The engine keeps the candidate groups off the
 * task row, in ACT_RU_IDENTITYLINK; the models say them per kind of task: {@code camunda:candidateGroups="ENGINEER"}.
 * <p>
 * A kind is <em>exact</em> when every deployed model that has it names the same literal groups and nothing else can
 * add one: its tasks were given exactly those candidate links by the engine, so the inbox takes them by kind alone.
 * Any other kind (groups from an expression, a {@code potentialOwner}, a task listener that might add groups, or
 * different groups in two models) is asked with each task's candidate links, the engine's own truth: a kind too many
 * costs time, not a wrong task. A candidate group added to or removed from a running task through the API
 * ({@code TaskService#addCandidateGroup}) is not seen: the product never does that (OfferedTaskKindsTest compares the
 * inbox with the engine's own query).
 * <p>
 * The models are read from every deployed process definition (all versions: old tasks keep their definition). What was
 * read is kept under a <em>repository stamp</em>, the number of deployments and the newest deploy time, which the
 * inbox's page statement returns beside its rows ({@link #STAMP}): a deployment on any node changes it, and the next
 * page reads the new definitions before it answers (a definition never changes once deployed, so each is read once).
 */
@Component
class OfferedTaskKinds {

    /** The repository stamp: one row, as a derived table the page statement joins. */
    static final String STAMP = "select count(*) DEPLOYMENTS, max(DEPLOY_TIME_) NEWEST from ACT_RE_DEPLOYMENT";

    record Stamp(long deployments, Timestamp newest) {
    }

    /**
     * What the models say. {@code exact}: kinds whose every definition names the same literal candidate groups, so a
     * task of that kind is offered to exactly those groups (the engine wrote its candidate links from them). {@code byGroup}:
     * every kind a group is named on somewhere. {@code anyGroup}: kinds whose groups the model does not state.
     */
    record Known(Stamp stamp, Map<String, Set<String>> exact, Map<String, Set<String>> byGroup, Set<String> anyGroup) {

        /** The kinds offered to one of {@code groups} whose tasks need no look-up of their links, sorted. */
        Set<String> exactlyOfferedTo(Collection<String> groups) {
            Set<String> kinds = new TreeSet<>();
            exact.forEach((kind, named) -> {
                if (groups.stream().anyMatch(named::contains)) {
                    kinds.add(kind);
                }
            });
            return kinds;
        }

        /** The kinds that may be offered to one of {@code groups}, but only a task's candidate links can say: sorted. */
        Set<String> perhapsOfferedTo(Collection<String> groups) {
            Set<String> kinds = new TreeSet<>(anyGroup);
            groups.forEach(g -> kinds.addAll(byGroup.getOrDefault(g, Set.of())));
            kinds.removeAll(exact.keySet());
            return kinds;
        }

        /** Every kind that may be offered to one of {@code groups}. */
        Set<String> offeredTo(Collection<String> groups) {
            Set<String> kinds = new TreeSet<>(exactlyOfferedTo(groups));
            kinds.addAll(perhapsOfferedTo(groups));
            return kinds;
        }
    }

    /** One definition's user tasks: kind → candidate groups (literal), and the kinds offered to any group. */
    private record DefinitionKinds(Map<String, Set<String>> groupsByKind, Set<String> anyGroup) {
    }

    private final RepositoryService repositoryService;
    private final JdbcTemplate jdbc;
    private final Map<String, DefinitionKinds> byDefinition = new ConcurrentHashMap<>();
    private volatile Known known;

    OfferedTaskKinds(RepositoryService repositoryService, JdbcTemplate jdbc) {
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    /** What was read last (read now, with one statement for the stamp, on first use). */
    Known known() {
        Known current = known;
        return current != null ? current : under(stampNow());
    }

    /** The kinds under {@code stamp}: what was read, or the definitions read again if the repository changed. */
    Known under(Stamp stamp) {
        Known current = known;
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        return reload(stamp);
    }

    private synchronized Known reload(Stamp stamp) {
        Known current = known;
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        // listed after the stamp was read: a definition deployed in between is in the list (a superset is harmless)
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().list();
        Map<String, Set<String>> byGroup = new HashMap<>();
        Map<String, Set<Set<String>>> groupSetsByKind = new HashMap<>();
        Set<String> anyGroup = new HashSet<>();
        Set<String> listed = new HashSet<>();
        for (ProcessDefinition definition : definitions) {
            listed.add(definition.getId());
            DefinitionKinds kinds = byDefinition.computeIfAbsent(definition.getId(),
                    id -> kindsOf(repositoryService.getBpmnModelInstance(id)));
            kinds.groupsByKind().forEach((kind, groups) -> {
                groups.forEach(g -> byGroup.computeIfAbsent(g, x -> new HashSet<>()).add(kind));
                groupSetsByKind.computeIfAbsent(kind, k -> new HashSet<>()).add(groups);
            });
            anyGroup.addAll(kinds.anyGroup());
        }
        byDefinition.keySet().retainAll(listed); // deleted deployments
        Map<String, Set<String>> exact = new HashMap<>();
        groupSetsByKind.forEach((kind, sets) -> {
            // one group set for the kind in every model that has it (another process may use the same task id)
            if (sets.size() == 1 && !anyGroup.contains(kind)) {
                exact.put(kind, Set.copyOf(sets.iterator().next()));
            }
        });
        Map<String, Set<String>> frozen = new HashMap<>();
        byGroup.forEach((g, kinds) -> frozen.put(g, Set.copyOf(kinds)));
        Known fresh = new Known(stamp, Map.copyOf(exact), Map.copyOf(frozen), Set.copyOf(anyGroup));
        known = fresh;
        return fresh;
    }

    Stamp stampNow() {
        return jdbc.queryForObject(STAMP, (rs, n) -> new Stamp(rs.getLong(1), rs.getTimestamp(2)));
    }

    /**
     * The user tasks of one model. Their groups are known when {@code camunda:candidateGroups} names them as literals
     * and nothing else can add one: no {@code potentialOwner}/{@code humanPerformer} (resource roles), no task listener
     * other than on completion or deletion (a create, assignment or update listener could add a candidate group). The
     * models' own create listeners (fault-intake's remote-guidance clock) do not, but a kind is only trusted on what
     * the model itself says.
     */
    static DefinitionKinds kindsOf(BpmnModelInstance model) {
        Map<String, Set<String>> groupsByKind = new HashMap<>();
        Set<String> anyGroup = new HashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            List<String> groups = task.getCamundaCandidateGroupsList();
            boolean literal = groups.stream().allMatch(g -> !g.contains("${") && !g.contains("#{"))
                    && task.getChildElementsByType(ResourceRole.class).isEmpty()
                    && (task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaTaskListener.class).list().stream()
                            .allMatch(l -> "complete".equals(l.getCamundaEvent()) || "delete".equals(l.getCamundaEvent())
                                    || OWN_CREATE_LISTENERS.contains(Objects.toString(l.getCamundaDelegateExpression(), ""))));
            if (literal) { // no groups at all: offered to none (kept, so another model's groups for the kind are not exact)
                groupsByKind.put(task.getId(), Set.copyOf(groups.stream().map(String::trim).toList()));
            } else {
                anyGroup.add(task.getId());
            }
        }
        return new DefinitionKinds(groupsByKind, anyGroup);
    }

    /** Create listeners of the shipped models known not to touch candidate groups (they start a clock). */
    private static final Set<String> OWN_CREATE_LISTENERS = Set.of("${firstLineStartedListener}");
}
