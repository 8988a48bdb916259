package com.aftercare.workflow;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The engine's deployment cache, answering "the latest version of this key" (a fault report starts fault-intake by
 * key, its escalation call activity and its level decision are bound to the latest version) from what it found last
 * time while the repository has not changed (ADR 0065).
 * <p>
 * Camunda asks the database for the latest version of a key on every start, call activity and decision task (the
 * max-version join of ACT_RE_PROCDEF, the same for ACT_RE_DECISION_DEF): three statements per report. Here one
 * statement per engine command reads a <em>repository stamp</em>: the number of deployments and the newest deploy time,
 * and the number and summed revisions of the process and decision definitions. A deployment on any node (the model
 * workbench, a changed model file at start-up) adds a deployment and definitions; suspending a definition or changing
 * its history time to live raises its revision. While the stamp is the one the answers were found under, the latest
 * version of a key and the state of a definition looked up by id are what the engine's own look-up would read again,
 * so they are answered from the cache; when it differs, everything found before is forgotten and looked up as Camunda
 * does. A deployment on this node forgets it at once as well.
 * <p>
 * Only keys without a tenant (Aftercare has none) are answered here; a tenant's look-up goes to the engine as before.
 */
class KnownLatestDefinitions extends DeploymentCache {

    private static final String STAMP = """
            select (select count(*) from %1$sACT_RE_DEPLOYMENT), (select max(DEPLOY_TIME_) from %1$sACT_RE_DEPLOYMENT),
                   (select count(*) from %1$sACT_RE_PROCDEF), (select sum(REV_) from %1$sACT_RE_PROCDEF),
                   (select count(*) from %1$sACT_RE_DECISION_DEF), (select sum(REV_) from %1$sACT_RE_DECISION_DEF)""";

    /** What was found under one repository stamp; replaced, never cleared in place, when the stamp changes. */
    private record Known(Stamp stamp, Map<String, String> latestProcess, Map<String, String> latestDecision,
            Map<String, Boolean> processById, Map<String, Boolean> decisionById) {
        Known(Stamp stamp) {
            this(stamp, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private record Stamp(Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp s && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /**
     * The stamp read in the engine command running on this thread (one read per command); weakly held, so a pooled
     * thread does not keep an ended command's entity cache alive.
     */
    private record CommandStamp(WeakReference<CommandContext> command, Stamp stamp) {
    }

    private final ThreadLocal<CommandStamp> commandStamp = new ThreadLocal<>();
    private volatile Known known = new Known(new Stamp(new Object[0]));

    KnownLatestDefinitions(CacheFactory factory, int capacity) {
        super(factory, capacity);
    }

    @Override
    public ProcessDefinitionEntity findDeployedLatestProcessDefinitionByKey(String key) {
        Known k = current();
        if (k != null) {
            String id = k.latestProcess().get(key);
            ProcessDefinitionEntity cached = id == null ? null : findProcessDefinitionFromCache(id);
            if (cached != null) {
                return seenByCommand(cached);
            }
        }
        ProcessDefinitionEntity found = super.findDeployedLatestProcessDefinitionByKey(key);
        if (k != null) {
            k.latestProcess().put(key, found.getId());
            k.processById().put(found.getId(), Boolean.TRUE);
        }
        return found;
    }

    @Override
    public ProcessDefinitionEntity findDeployedLatestProcessDefinitionByKeyAndTenantId(String key, String tenantId) {
        return tenantId == null ? findDeployedLatestProcessDefinitionByKey(key)
                : super.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
    }

    @Override
    public ProcessDefinitionEntity findDeployedProcessDefinitionById(String id) {
        Known k = current();
        if (k != null && id != null && k.processById().containsKey(id)) {
            ProcessDefinitionEntity cached = findProcessDefinitionFromCache(id);
            if (cached != null) {
                return seenByCommand(cached);
            }
        }
        ProcessDefinitionEntity found = super.findDeployedProcessDefinitionById(id);
        if (k != null && found != null) {
            k.processById().put(found.getId(), Boolean.TRUE);
        }
        return found;
    }

    @Override
    public DecisionDefinition findDeployedLatestDecisionDefinitionByKey(String key) {
        Known k = current();
        if (k != null) {
            String id = k.latestDecision().get(key);
            DecisionDefinitionEntity cached = id == null ? null : findDecisionDefinitionFromCache(id);
            if (cached != null) {
                return cached;
            }
        }
        DecisionDefinition found = super.findDeployedLatestDecisionDefinitionByKey(key);
        if (k != null) {
            k.latestDecision().put(key, found.getId());
            k.decisionById().put(found.getId(), Boolean.TRUE);
        }
        return found;
    }

    @Override
    public DecisionDefinition findDeployedLatestDecisionDefinitionByKeyAndTenantId(String key, String tenantId) {
        return tenantId == null ? findDeployedLatestDecisionDefinitionByKey(key)
                : super.findDeployedLatestDecisionDefinitionByKeyAndTenantId(key, tenantId);
    }

    @Override
    public DecisionDefinitionEntity findDeployedDecisionDefinitionById(String id) {
        Known k = current();
        if (k != null && id != null && k.decisionById().containsKey(id)) {
            DecisionDefinitionEntity cached = findDecisionDefinitionFromCache(id);
            if (cached != null) {
                return cached;
            }
        }
        DecisionDefinitionEntity found = super.findDeployedDecisionDefinitionById(id);
        if (k != null && found != null) {
            k.decisionById().put(found.getId(), Boolean.TRUE);
        }
        return found;
    }

    /**
     * The engine's own look-up leaves the row it read in the command's entity cache, and the history of a process
     * start reads the definition from there (selectById, a query when it is missing). Without the look-up, a copy of
     * the row goes there instead: a copy, so that the command's flush compares a row nobody changes and never writes
     * the shared definition.
     */
    private static ProcessDefinitionEntity seenByCommand(ProcessDefinitionEntity definition) {
        DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
        if (entities.getCachedEntity(ProcessDefinitionEntity.class, definition.getId()) == null) {
            ProcessDefinitionEntity row = new ProcessDefinitionEntity();
            row.setId(definition.getId());
            row.setRevision(definition.getRevision());
            row.setKey(definition.getKey());
            row.setName(definition.getName());
            row.setVersion(definition.getVersion());
            row.setCategory(definition.getCategory());
            row.setDeploymentId(definition.getDeploymentId());
            row.setResourceName(definition.getResourceName());
            row.setDiagramResourceName(definition.getDiagramResourceName());
            row.setHasStartFormKey(definition.getHasStartFormKey());
            row.setSuspensionState(definition.getSuspensionState());
            row.setTenantId(definition.getTenantId());
            row.setVersionTag(definition.getVersionTag());
            row.setHistoryTimeToLive(definition.getHistoryTimeToLive());
            row.setStartableInTasklist(definition.isStartableInTasklist());
            entities.getDbEntityCache().putPersistent(row);
        }
        return definition;
    }

    /** A deployment made here: nothing found before counts, whatever the next stamp says. */
    @Override
    public void deploy(DeploymentEntity deployment) {
        known = new Known(new Stamp(new Object[0]));
        commandStamp.remove();
        super.deploy(deployment);
    }

    @Override
    public void removeDeployment(String deploymentId) {
        known = new Known(new Stamp(new Object[0]));
        commandStamp.remove();
        super.removeDeployment(deploymentId);
    }

    /**
     * What was found under the stamp this command reads, or null outside a command (then every look-up is the
     * engine's own).
     */
    private Known current() {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return null;
        }
        CommandStamp read = commandStamp.get();
        Stamp stamp;
        if (read != null && read.command().get() == command) {
            stamp = read.stamp();
        } else {
            stamp = readStamp(command);
            commandStamp.set(new CommandStamp(new WeakReference<>(command), stamp));
        }
        Known k = known;
        if (!k.stamp().equals(stamp)) {
            k = new Known(stamp);
            known = k;
        }
        return k;
    }

    private static Stamp readStamp(CommandContext command) {
        String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(STAMP.formatted(prefix == null ? "" : prefix));
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            Object[] values = new Object[6];
            for (int i = 0; i < values.length; i++) {
                Object v = rs.getObject(i + 1);
                // count and sum come back as Long, Integer or BigDecimal depending on the database: compare as text
                values[i] = v == null ? null : v.toString();
            }
            return new Stamp(values);
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot read the repository stamp", e);
        }
    }
}
