package com.aftercare.modeling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Moves running cases from one version of a process to another. The dry run really migrates each
 * case, in its own transaction that is then rolled back, so its verdict is the engine's own: a case
 * "can move" exactly when the real migration would succeed. The real run migrates case by case, so
 * one case that cannot move does not hold back the others; the change log records both lists.
 */
@Service
class CaseMigration {

    record CaseVerdict(String processInstanceId, Long ticketId, String ticketNo, boolean canMigrate, List<String> reasons) {
    }

    /** {@code truncated}: more cases run on the source version than one dry run looks at ({@link #MAX_CASES}). */
    record DryRun(int sourceVersion, int targetVersion, List<String> planProblems, List<CaseVerdict> cases, int movable,
            int blocked, boolean truncated) {
    }

    @Schema(name = "MigrationFailure")
    record Failure(String processInstanceId, List<String> reasons) {
    }

    @Schema(name = "MigrationResult")
    record Result(List<String> migrated, List<Failure> failed) {
    }

    /** A dry run beyond this many cases would hold the page too long; migrate in batches. */
    static final int MAX_CASES = 500;

    private final DeployedModels deployed;
    private final RuntimeService runtime;
    private final ModelChangeRepository changes;
    private final TransactionTemplate separateTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    CaseMigration(DeployedModels deployed, RuntimeService runtime, ModelChangeRepository changes,
            PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.deployed = deployed;
        this.runtime = runtime;
        this.changes = changes;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    DryRun dryRun(String sourceDefinitionId, String targetDefinitionId, boolean restartTimers) {
        Pair pair = pair(sourceDefinitionId, targetDefinitionId);
        List<ProcessInstance> instances = runningOn(pair.source());
        List<CaseVerdict> verdicts = new ArrayList<>();
        MigrationPlan plan;
        try {
            plan = plan(pair, restartTimers);
        } catch (MigrationPlanValidationException e) {
            List<String> problems = planProblems(e);
            instances.forEach(i -> verdicts.add(verdict(i, false, problems)));
            return new DryRun(pair.source().version(), pair.target().version(), problems, verdicts, 0, verdicts.size(),
                    truncated(pair.source(), instances));
        }
        for (ProcessInstance instance : instances) {
            List<String> reasons = tryMigration(plan, instance.getId(), true);
            verdicts.add(verdict(instance, reasons.isEmpty(), reasons));
        }
        int movable = (int) verdicts.stream().filter(CaseVerdict::canMigrate).count();
        return new DryRun(pair.source().version(), pair.target().version(), List.of(), verdicts, movable,
                verdicts.size() - movable, truncated(pair.source(), instances));
    }

    Result migrate(String sourceDefinitionId, String targetDefinitionId, boolean restartTimers, List<String> processInstanceIds) {
        if (processInstanceIds == null || processInstanceIds.isEmpty()) {
            throw new BadRequestException("processInstanceIds", "Choose at least one case to migrate (run the dry run first)");
        }
        if (processInstanceIds.size() > MAX_CASES) {
            throw new BadRequestException("processInstanceIds", "At most " + MAX_CASES + " cases per migration");
        }
        Pair pair = pair(sourceDefinitionId, targetDefinitionId);
        MigrationPlan plan;
        try {
            plan = plan(pair, restartTimers);
        } catch (MigrationPlanValidationException e) {
            throw new BadRequestException("targetDefinitionId", "The versions cannot be mapped: " + String.join("; ", planProblems(e)));
        }
        Set<String> onSource = new LinkedHashSet<>(runningOn(pair.source()).stream().map(ProcessInstance::getId).toList());
        List<String> migrated = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (String id : new LinkedHashSet<>(processInstanceIds)) {
            if (!onSource.contains(id)) {
                failed.add(new Failure(id, List.of("Not a running case on version " + pair.source().version())));
                continue;
            }
            List<String> reasons = tryMigration(plan, id, false);
            if (reasons.isEmpty()) {
                migrated.add(id);
            } else {
                failed.add(new Failure(id, reasons));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("restartTimers", restartTimers);
        details.put("migrated", migrated);
        details.put("failed", failed);
        String summary = "Migrated " + migrated.size() + " of " + (migrated.size() + failed.size()) + " cases from "
                + pair.source().key() + " v" + pair.source().version() + " to v" + pair.target().version()
                + (restartTimers ? " (timers restarted under the new model)" : "");
        changes.save(new ModelChange(clock.instant(), CurrentUser.username(), ModelChange.Action.MIGRATED,
                pair.source().key(), pair.target().fileName(), pair.target().deploymentId(), pair.source().version(),
                pair.target().version(), summary, toJson(details)));
        return new Result(migrated, failed);
    }

    private record Pair(DeployedModels.Version source, DeployedModels.Version target) {
    }

    private Pair pair(String sourceDefinitionId, String targetDefinitionId) {
        DeployedModels.Version source = process(sourceDefinitionId, "sourceDefinitionId");
        DeployedModels.Version target = process(targetDefinitionId, "targetDefinitionId");
        if (!source.key().equals(target.key())) {
            throw new BadRequestException("targetDefinitionId", "Cases can only move between versions of the same process ("
                    + source.key() + "), not to " + target.key());
        }
        if (source.definitionId().equals(target.definitionId())) {
            throw new BadRequestException("targetDefinitionId", "Source and target are the same version");
        }
        return new Pair(source, target);
    }

    private DeployedModels.Version process(String definitionId, String field) {
        if (definitionId == null || definitionId.isBlank()) {
            throw new BadRequestException(field, "Required");
        }
        return deployed.byDefinitionId(definitionId)
                .filter(v -> v.kind() == DeployedModels.Kind.PROCESS)
                .orElseThrow(() -> new BadRequestException(field, "No process version '" + definitionId + "'"));
    }

    private MigrationPlan plan(Pair pair, boolean restartTimers) {
        MigrationInstructionsBuilder builder = runtime.createMigrationPlan(pair.source().definitionId(),
                pair.target().definitionId()).mapEqualActivities();
        if (restartTimers) {
            builder = builder.updateEventTriggers();
        }
        return builder.build();
    }

    private boolean truncated(DeployedModels.Version version, List<ProcessInstance> looked) {
        return looked.size() == MAX_CASES
                && runtime.createProcessInstanceQuery().processDefinitionId(version.definitionId()).count() > MAX_CASES;
    }

    private List<ProcessInstance> runningOn(DeployedModels.Version version) {
        return runtime.createProcessInstanceQuery().processDefinitionId(version.definitionId())
                .orderByProcessInstanceId().asc().listPage(0, MAX_CASES);
    }

    /** Migrates one case in its own transaction (rolled back for a dry run); answers why it failed, or nothing. */
    private List<String> tryMigration(MigrationPlan plan, String processInstanceId, boolean dryRun) {
        try {
            separateTransaction.executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
                if (dryRun) {
                    status.setRollbackOnly();
                }
            });
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            return instanceProblems(e.getValidationReport());
        } catch (RuntimeException e) {
            // the case ended meanwhile, a listener failed, …: this case cannot move, the others still may
            return List.of(String.valueOf(e.getMessage()));
        }
    }

    private CaseVerdict verdict(ProcessInstance instance, boolean canMigrate, List<String> reasons) {
        Object ticketId;
        try {
            ticketId = runtime.getVariable(instance.getId(), "ticketId");
        } catch (ProcessEngineException e) {
            ticketId = null; // ended since the list was read
        }
        return new CaseVerdict(instance.getId(), ticketId instanceof Number n ? n.longValue() : null,
                instance.getBusinessKey(), canMigrate, reasons);
    }

    private static List<String> planProblems(MigrationPlanValidationException e) {
        List<String> problems = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            report.getFailures().forEach(f -> problems.add(report.getMigrationInstruction() + ": " + f));
        }
        e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
                .forEach(f -> problems.add("variable " + name + ": " + f)));
        if (problems.isEmpty()) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static List<String> instanceProblems(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport r : report.getActivityInstanceReports()) {
            r.getFailures().forEach(f -> reasons.add("at '" + r.getSourceScopeId() + "': " + f));
        }
        for (MigratingTransitionInstanceValidationReport r : report.getTransitionInstanceReports()) {
            r.getFailures().forEach(f -> reasons.add("at '" + r.getSourceScopeId() + "': " + f));
        }
        return reasons;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
