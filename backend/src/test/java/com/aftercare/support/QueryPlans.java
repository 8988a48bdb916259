package com.aftercare.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * What PostgreSQL would do with the statements a piece of the application sends. A service built on
 * {@link #recording()} instead of the context's data source runs as usual; each statement it sent (text and bound
 * values) can then be explained with sequential scans switched off. Switching them off does not force a given index:
 * the planner still takes the cheapest path it has, and falls back to a sequential scan when no index fits the
 * statement. So a plan naming an index says that this index can serve the statement as written, which is what the
 * indexes made for a year of cases (issue 17) rely on and what a small test database's statistics cannot show.
 */
public final class QueryPlans implements QueryExecutionListener {

    public record Sent(String sql, List<Object> values) {
    }

    private final DataSource dataSource;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

    public QueryPlans(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The data source to build the service under test on: the real one, recording what passes through it. */
    public DataSource recording() {
        return ProxyDataSourceBuilder.create(dataSource).name("plans").listener(this).build();
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public void clear() {
        sent.clear();
    }

    /** The one recorded statement containing {@code fragment}; fails if none or several do. */
    public Sent only(String fragment) {
        List<Sent> matching = sent().stream().filter(s -> s.sql().contains(fragment)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " statements contain '" + fragment + "' of: " + sent());
        }
        return matching.get(0);
    }

    /**
     * The plan (text format, without costs) of {@code statement} with sequential scans off, and also the planner's
     * {@code alsoOff} methods (e.g. "bitmapscan", "sort": on a small table a bitmap scan and a sort cost less than
     * walking an index in order, at a year's scale they read every open case; a plan with them off still sorts when
     * no index can give the order).
     */
    public String explain(Sent statement, String... alsoOff) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement settings = c.createStatement()) {
                settings.execute("set local enable_seqscan = off");
                for (String method : alsoOff) {
                    if (!method.matches("[a-z_]+")) {
                        throw new IllegalArgumentException(method);
                    }
                    settings.execute("set local enable_" + method + " = off");
                }
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("explain (costs off) " + statement.sql())) {
                for (int i = 0; i < statement.values().size(); i++) {
                    explain.setObject(i + 1, statement.values().get(i));
                }
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot explain " + statement.sql(), e);
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        for (QueryInfo query : queryInfoList) {
            List<List<ParameterSetOperation>> batches = query.getParametersList();
            List<Object> values = new ArrayList<>();
            if (!batches.isEmpty()) {
                batches.get(0).stream()
                        .sorted(java.util.Comparator.comparingInt(op -> (Integer) op.getArgs()[0]))
                        .forEach(op -> values.add("setNull".equals(op.getMethod().getName()) ? null : op.getArgs()[1]));
            }
            sent.add(new Sent(query.getQuery(), values));
        }
    }
}
