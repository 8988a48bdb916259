package com.aftercare.workflow;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index the inbox's "unclaimed tasks of my roles" half walks ({@link ReadTaskInbox}, ADR 0066). That half reads
 * the active unassigned tasks newest first and keeps those offered to one of the user's groups. The engine's indexes
 * give it the create time of every task (ACT_IDX_TASK_CREATE): at a large integrator 100,000 open tasks, 85,000 of them
 * claimed by engineers, each fetched to learn it is assigned, so an engineer's inbox (none of the 15,000 unclaimed tasks
 * is theirs to take) read the whole table, about a second. On PostgreSQL the index holds the unclaimed active tasks
 * only (partial), in the page's order; H2 has no partial indexes and gets the same order behind the assignee.
 * <p>
 * On PostgreSQL two more (ADR 0070): the same tasks by kind of task ({@link #BY_KIND_INDEX_NAME}) and a user's active tasks
 * ({@link #MINE_INDEX_NAME}), the inbox's other half.
 * <p>
 * Created at start-up, not by Flyway, for the reason {@link JobAcquisitionIndex} gives (the engine makes its tables
 * after Flyway on a fresh database); {@code create index if not exists} is a no-op on every later start.
 */
@Component
class UnclaimedTaskIndex extends AbstractProcessEnginePlugin {

    static final String INDEX_NAME = "AFTERCARE_IDX_TASK_UNCLAIMED";
    /**
     * The same tasks by kind of task (ADR 0070): the inbox asks for the kinds offered to the user's groups
     * ({@link OfferedTaskKinds}); an engineer's kinds have few unclaimed tasks among the desk's many, and an index range
     * per kind finds them without walking the others. PostgreSQL only: H2 (small installations) walks the index above.
     */
    static final String BY_KIND_INDEX_NAME = "AFTERCARE_IDX_TASK_UNCLAIMED_KIND";
    /**
     * The inbox's other half, "mine" (ADR 0070): a user's active tasks newest first, one index range, and their count
     * read from it. With the engine's assignee index alone the planner walked every task newest first for a user with
     * few or none (the desk: 100,000 rows for none, 150 ms at a million cases). H2 has it in the index above.
     */
    static final String MINE_INDEX_NAME = "AFTERCARE_IDX_TASK_MINE";
    private static final Logger LOG = LoggerFactory.getLogger(UnclaimedTaskIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ensure(configuration.getDataSource(), configuration.getDatabaseType(), configuration.getDatabaseTablePrefix());
    }

    /** Creates the index unless it exists. Only the databases the product supports (H2, PostgreSQL). */
    static void ensure(DataSource dataSource, String databaseType, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_TASK";
        String ddl = switch (databaseType) {
            case "postgres" -> "create index if not exists " + INDEX_NAME + " on " + table
                    + " (CREATE_TIME_ desc, ID_ desc) where ASSIGNEE_ is null and SUSPENSION_STATE_ = 1";
            case "h2" -> "create index if not exists " + INDEX_NAME + " on " + table
                    + " (ASSIGNEE_, SUSPENSION_STATE_, CREATE_TIME_ desc, ID_ desc)";
            default -> null;
        };
        if (ddl == null) {
            LOG.warn("Database {} is not supported by Aftercare: create an index on the unclaimed tasks of ACT_RU_TASK "
                    + "(CREATE_TIME_ desc, ID_ desc) by hand, or each inbox reads every open task", databaseType);
            return;
        }
        EngineIndexes.create(dataSource, ddl, "unclaimed task index");
        if ("postgres".equals(databaseType)) {
            EngineIndexes.create(dataSource, "create index if not exists " + BY_KIND_INDEX_NAME + " on " + table
                    + " (TASK_DEF_KEY_, CREATE_TIME_ desc, ID_ desc) where ASSIGNEE_ is null and SUSPENSION_STATE_ = 1",
                    "unclaimed task index by kind");
            EngineIndexes.create(dataSource, "create index if not exists " + MINE_INDEX_NAME + " on " + table
                    + " (ASSIGNEE_, CREATE_TIME_ desc, ID_ desc) where ASSIGNEE_ is not null and SUSPENSION_STATE_ = 1",
                    "assigned task index");
        }
    }
}
