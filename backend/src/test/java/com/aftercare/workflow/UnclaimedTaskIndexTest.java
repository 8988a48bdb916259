package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.aftercare.support.IntegrationTest;

/**
 * The task table has the index the inbox's unclaimed half walks (ADR 0066): the unclaimed active tasks newest first
 * (PostgreSQL: partial, those tasks only; H2: behind the assignee and suspension state).
 */
class UnclaimedTaskIndexTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngine processEngine;

    @Test
    void unclaimedTasksAreIndexedInTheInboxOrderAndCreatingItAgainIsHarmless() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        List<String> expected = "postgres".equals(configuration.getDatabaseType()) ? List.of("CREATE_TIME_", "ID_")
                : List.of("ASSIGNEE_", "SUSPENSION_STATE_", "CREATE_TIME_", "ID_");
        assertThat(indexColumns(UnclaimedTaskIndex.INDEX_NAME)).isEqualTo(expected);
        UnclaimedTaskIndex.ensure(configuration.getDataSource(), configuration.getDatabaseType(),
                configuration.getDatabaseTablePrefix());
        assertThat(indexColumns(UnclaimedTaskIndex.INDEX_NAME)).isEqualTo(expected);
        assertThat(indexColumns(UnclaimedTaskIndex.BY_KIND_INDEX_NAME)).as("by kind of task, PostgreSQL only (ADR 0070)")
                .isEqualTo("postgres".equals(configuration.getDatabaseType())
                        ? List.of("TASK_DEF_KEY_", "CREATE_TIME_", "ID_") : List.of());
        assertThat(indexColumns(UnclaimedTaskIndex.MINE_INDEX_NAME)).as("a user's active tasks, PostgreSQL only (ADR 0070)")
                .isEqualTo("postgres".equals(configuration.getDatabaseType())
                        ? List.of("ASSIGNEE_", "CREATE_TIME_", "ID_") : List.of());
    }

    /** The index's columns in order, upper case (PostgreSQL reports unquoted names in lower case). */
    private List<String> indexColumns(String indexName) throws Exception {
        Map<Short, String> columns = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : new String[] {"ACT_RU_TASK", "act_ru_task"}) {
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, table, false, false)) {
                    while (rs.next()) {
                        if (indexName.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            columns.put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(columns.values());
    }
}
