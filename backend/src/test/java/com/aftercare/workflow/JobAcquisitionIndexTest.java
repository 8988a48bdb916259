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

/** The job table has the index the timer-first, due-date-ordered acquisition query needs (H2, and PostgreSQL in CI). */
class JobAcquisitionIndexTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngine processEngine;

    @Test
    void acquisitionIndexCoversTypeThenDueDate() throws Exception {
        assertThat(indexColumns(JobAcquisitionIndex.INDEX_NAME)).containsExactly("TYPE_", "DUEDATE_");
    }

    @Test
    void creatingItAgainIsHarmless() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JobAcquisitionIndex.ensure(configuration.getDataSource(), configuration.getDatabaseType(),
                configuration.getDatabaseTablePrefix());
        assertThat(indexColumns(JobAcquisitionIndex.INDEX_NAME)).containsExactly("TYPE_", "DUEDATE_");
    }

    /** The index's columns in order, upper case (PostgreSQL reports unquoted names in lower case). */
    private List<String> indexColumns(String indexName) throws Exception {
        Map<Short, String> columns = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
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
