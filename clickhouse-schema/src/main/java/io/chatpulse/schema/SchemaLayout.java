package io.chatpulse.schema;

import java.util.List;

/** How the migrations become DDL: as written, for one node, or laid out for a cluster. */
interface SchemaLayout {

    SchemaLayout SINGLE_NODE = new SchemaLayout() {
        @Override
        public String historyTableDdl(String table) {
            return "CREATE TABLE IF NOT EXISTS " + table + " (" + ClickHouseMigrations.HISTORY_COLUMNS + ")"
                    + " ENGINE = MergeTree ORDER BY version";
        }

        @Override
        public List<String> statements(Migration migration) {
            return migration.statements();
        }

        @Override
        public boolean replicated() {
            return false;
        }
    };

    String historyTableDdl(String table);

    List<String> statements(Migration migration);

    /** Whether the history table is Replicated: a database migrated in one layout refuses the other. */
    boolean replicated();
}
