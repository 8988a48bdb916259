package com.aftercare.workflow;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition query needs with our settings.
 * <p>
 * application.yml turns on {@code jobExecutorPreferTimerJobs} and {@code jobExecutorAcquireByDueDate} so escalation
 * timers are taken first and oldest first. The acquisition query then ends in
 * {@code order by TYPE_ desc, DUEDATE_ asc}; Camunda's manual (The Job Executor, "The Job Order of Job Acquisition")
 * advises an index on exactly {@code ACT_RU_JOB(TYPE_ DESC, DUEDATE_ ASC)} for that combination, but the 7.24 create
 * scripts do not make one (ACT_RU_JOB has indexes on execution, process instance, handler, job definition, tenant,
 * exception only). Without it every acquisition round sorts all jobs: with tens of thousands of open tickets, each
 * with a waiting escalation timer, that is a full scan of the job table every second or so.
 * <p>
 * Why here and not in a Flyway migration: the engine creates its own tables ({@code schema-update}) when the process
 * engine is built, and Flyway runs on its own schedule (before the engine on a fresh database, where ACT_RU_JOB does
 * not exist yet). {@link #postProcessEngineBuild} runs after the engine's schema operations, so the table is there.
 * {@code create index if not exists} makes it a no-op on every later start (both H2 and PostgreSQL understand it).
 * The name carries our prefix so it cannot collide with an index a later Camunda version adds.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String INDEX_NAME = "AFTERCARE_IDX_JOB_ACQUIRE";
    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ensure(configuration.getDataSource(), configuration.getDatabaseType(), configuration.getDatabaseTablePrefix());
    }

    /** Creates the index unless it exists. Only the databases the product supports (H2, PostgreSQL). */
    static void ensure(DataSource dataSource, String databaseType, String tablePrefix) {
        if (!"h2".equals(databaseType) && !"postgres".equals(databaseType)) {
            LOG.warn("Database {} is not supported by Aftercare: create an index on ACT_RU_JOB(TYPE_ DESC, DUEDATE_ ASC) "
                    + "by hand, or timer acquisition scans the whole job table", databaseType);
            return;
        }
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
        String ddl = "create index if not exists " + INDEX_NAME + " on " + table + " (TYPE_ desc, DUEDATE_ asc)";
        EngineIndexes.create(dataSource, ddl, "job acquisition index");
    }
}
