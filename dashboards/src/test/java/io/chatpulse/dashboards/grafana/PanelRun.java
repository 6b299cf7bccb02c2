package io.chatpulse.dashboards.grafana;

import io.chatpulse.dashboards.grafana.MacroExpander.TimeRange;
import io.chatpulse.dashboards.grafana.MacroExpander.Variable;
import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A panel's or variable's SQL run over a connection, as the datasource's user. */
record PanelRun(List<String> columns, List<List<String>> rows) {

    static PanelRun run(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return new PanelRun(columns, rows);
        } catch (SQLException e) {
            throw new SQLException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /**
     * The variables as the connection's user would set them: the query variables All (their
     * options from their own SQL) or their first option, the others their current or default value.
     */
    static Map<String, Variable> selection(Connection connection, Dashboard dashboard, boolean all, TimeRange range)
            throws SQLException {
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (JsonNode v : dashboard.variables()) {
            String name = v.path("name").asString();
            switch (v.path("type").asString()) {
                case "query" -> {
                    List<String> options = run(connection, MacroExpander.expand(Provisioning.variableSql(v), range, variables))
                            .rows().stream().map(row -> row.get(0)).toList();
                    String allValue = v.path("allValue").isString() ? v.path("allValue").asString() : null;
                    variables.put(name, all ? Variable.all(name, options, allValue) : Variable.of(name, options.get(0)));
                }
                case "custom" -> variables.put(name, Variable.of(name, v.path("current").path("value").asString()));
                default -> variables.put(name, Variable.of(name, v.path("query").asString()));
            }
        }
        return variables;
    }
}
