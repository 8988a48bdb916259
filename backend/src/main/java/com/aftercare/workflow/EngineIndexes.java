package com.aftercare.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Runs one {@code create index if not exists} on an engine table once the engine has built its schema: the indexes
 * of {@link JobAcquisitionIndex} and {@link UnclaimedTaskIndex}, which Flyway cannot make (it runs before the engine
 * creates its tables on a fresh database).
 */
final class EngineIndexes {

    private EngineIndexes() {
    }

    static void create(DataSource dataSource, String ddl, String what) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the " + what + ": " + ddl, e);
        }
    }
}
