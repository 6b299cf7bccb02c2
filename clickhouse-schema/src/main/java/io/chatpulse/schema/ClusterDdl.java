package io.chatpulse.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays the migrations out for a ClickHouse cluster, statement by statement. Each MergeTree-family
 * table becomes {@code <name>_local}, its Replicated engine, on every node, plus a Distributed
 * table under the original name, so every reader and writer keeps the name it knows. Rows go to a
 * shard by their tenant ({@link #SHARDING_KEY}): a tenant's rows, every version of a row among
 * them, live on one shard, so FINAL collapses them there, and a report of one tenant (its exact
 * quantiles, uniqExact counts) runs whole on that shard without shipping states between nodes.
 * Every DDL runs ON CLUSTER. Feed the migrations in order: a statement's form depends on what
 * the earlier ones made of its tables.
 */
final class ClusterDdl {

    static final String LOCAL_SUFFIX = "_local";
    static final String SHARDING_KEY = "cityHash64(tenant_id)";
    /** One replication group per shard; {database} keeps two databases of one cluster apart. */
    static final String ZOOKEEPER_PATH = "/clickhouse/tables/{shard}/{database}/";

    /**
     * Views read the Distributed tables. A report's channel filter is an IN over another sharded
     * table: on each shard its local table holds all of the tenant's rows, so 'local' is exact
     * (the default, 'deny', refuses the query on two or more shards). A tenant filter lets the
     * initiator ask only that tenant's shard, which then runs the whole query. The view's query is
     * wrapped so that the settings cover all of it: after a UNION ALL they would hold for its last
     * SELECT only.
     */
    static final String VIEW_SETTINGS = "SETTINGS distributed_product_mode = 'local', optimize_skip_unused_shards = 1";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "CREATE\\s+(OR\\s+REPLACE\\s+)?VIEW\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+AS\\s+(.*)", FLAGS);
    private static final Pattern CREATE_MATERIALIZED_VIEW = Pattern.compile(
            "CREATE\\s+MATERIALIZED\\s+VIEW\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+(?:TO\\s+(\\w+)\\s+)?AS\\s+(.*)", FLAGS);
    private static final Pattern CREATE_FUNCTION = Pattern.compile(
            "CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+AS\\s+(.*)", FLAGS);
    private static final Pattern DROP_VIEW = Pattern.compile("DROP\\s+VIEW\\s+(IF\\s+EXISTS\\s+)?(\\w+)", FLAGS);
    private static final Pattern ALTER = Pattern.compile("ALTER\\s+TABLE\\s+(\\w+)\\s+(.*)", FLAGS);
    private static final Pattern COLUMN_ALTERATION = Pattern.compile(
            "(ADD|MODIFY|DROP|RENAME|COMMENT)\\s+COLUMN\\b.*", FLAGS);
    private static final Pattern DROP = Pattern.compile("DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(\\w+)", FLAGS);
    private static final Pattern EXCHANGE = Pattern.compile("EXCHANGE\\s+TABLES\\s+(\\w+)\\s+AND\\s+(\\w+)", FLAGS);
    private static final Pattern INSERT_SELECT = Pattern.compile("INSERT\\s+INTO\\s+(\\w+)\\s+(SELECT\\b.*)", FLAGS);
    private static final Pattern TENANT_COLUMN = Pattern.compile("[(,]\\s*tenant_id\\s");
    private static final Pattern FROM_TABLE = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final String cluster;
    private final Set<String> shardedTables = new HashSet<>();

    ClusterDdl(String cluster) {
        if (!cluster.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("cluster name must be an identifier (letters, digits, _): " + cluster);
        }
        this.cluster = cluster;
    }

    /** The cluster form of every statement of the migration, in order. */
    List<String> translate(Migration migration) {
        List<String> translated = new ArrayList<>();
        for (String statement : migration.statements()) {
            try {
                translated.addAll(translate(statement));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(migration.fileName() + ": " + e.getMessage(), e);
            }
        }
        return translated;
    }

    List<String> translate(String statement) {
        String sql = statement.strip();
        CreateTable table = CreateTable.parse(sql);
        if (table != null) {
            return createTable(table);
        }
        Matcher m;
        if ((m = CREATE_VIEW.matcher(sql)).matches()) {
            return List.of("CREATE " + orEmpty(m.group(1)) + "VIEW " + orEmpty(m.group(2)) + m.group(3) + onCluster()
                    + " AS SELECT * FROM (\n" + m.group(4) + "\n)\n" + VIEW_SETTINGS);
        }
        if ((m = CREATE_MATERIALIZED_VIEW.matcher(sql)).matches()) {
            return List.of(materializedView(m));
        }
        if ((m = CREATE_FUNCTION.matcher(sql)).matches()) {
            return List.of("CREATE " + orEmpty(m.group(1)) + "FUNCTION " + orEmpty(m.group(2)) + m.group(3) + onCluster()
                    + " AS " + m.group(4));
        }
        if ((m = DROP_VIEW.matcher(sql)).matches()) {
            return List.of("DROP VIEW " + orEmpty(m.group(1)) + m.group(2) + onCluster());
        }
        if ((m = ALTER.matcher(sql)).matches()) {
            return alter(m.group(1), m.group(2));
        }
        if ((m = DROP.matcher(sql)).matches()) {
            return drop(m.group(1) != null, m.group(2));
        }
        if ((m = EXCHANGE.matcher(sql)).matches()) {
            return exchange(m.group(1), m.group(2));
        }
        if ((m = INSERT_SELECT.matcher(sql)).matches()) {
            return List.of(insertSelect(m.group(1), m.group(2)));
        }
        throw new IllegalArgumentException("no cluster form for this statement (known: CREATE TABLE, VIEW,"
                + " MATERIALIZED VIEW ... TO, FUNCTION; ALTER TABLE ... COLUMN; DROP TABLE, VIEW; EXCHANGE TABLES;"
                + " INSERT INTO ... SELECT): " + firstLine(sql));
    }

    private List<String> createTable(CreateTable table) {
        if (!table.isMergeTreeFamily() || table.engine().startsWith("Replicated")) {
            throw new IllegalArgumentException("table " + table.name() + " has engine " + table.engine()
                    + ": only a non-replicated MergeTree-family engine has a cluster form");
        }
        String structure = table.structure();
        if (table.copiedFrom() != null) {
            structure = "AS " + local(requireSharded(table.copiedFrom(), "CREATE TABLE " + table.name() + " AS")) + "\n";
        } else if (!TENANT_COLUMN.matcher(structure).find()) {
            throw new IllegalArgumentException("table " + table.name() + " has no tenant_id column to shard by");
        }
        String name = table.name();
        shardedTables.add(name);
        return List.of(
                "CREATE TABLE " + table.ifNotExistsClause() + local(name) + onCluster() + " " + structure
                        + "ENGINE = " + replicatedEngine(table) + "\n" + table.clauses(),
                "CREATE TABLE " + table.ifNotExistsClause() + name + onCluster() + " AS " + local(name)
                        + "\nENGINE = " + distributedEngine(name));
    }

    /** The engine's own arguments (a version column, say) follow the ZooKeeper path and the replica. */
    private static String replicatedEngine(CreateTable table) {
        String own = table.engineArguments() == null || table.engineArguments().isBlank() ? "" : ", " + table.engineArguments();
        return "Replicated" + table.engine() + "('" + ZOOKEEPER_PATH + local(table.name()) + "', '{replica}'" + own + ")";
    }

    /** Inserts land on the local tables of a shard, so a materialized view reads and fills those. */
    private String materializedView(Matcher m) {
        if (m.group(3) == null) {
            throw new IllegalArgumentException("materialized view " + m.group(2)
                    + " has no TO table: give it one, a sharded table, so that its rows are laid out like the others");
        }
        String target = local(requireSharded(m.group(3), "materialized view " + m.group(2) + " TO"));
        Matcher from = FROM_TABLE.matcher(m.group(4));
        StringBuilder select = new StringBuilder();
        while (from.find()) {
            String source = from.group(1);
            from.appendReplacement(select, Matcher.quoteReplacement(
                    "FROM " + (shardedTables.contains(source) ? local(source) : source)));
        }
        from.appendTail(select);
        return "CREATE MATERIALIZED VIEW " + orEmpty(m.group(1)) + m.group(2) + onCluster() + " TO " + target
                + " AS " + select;
    }

    /** Column changes go to the local table and to the Distributed table, which must match it. */
    private List<String> alter(String table, String alterations) {
        requireSharded(table, "ALTER TABLE");
        for (String alteration : SqlText.splitTopLevel(alterations)) {
            if (!COLUMN_ALTERATION.matcher(alteration).matches()) {
                throw new IllegalArgumentException("ALTER TABLE " + table + ": only column changes (ADD, MODIFY,"
                        + " DROP, RENAME, COMMENT COLUMN) have a cluster form; write this one for the cluster by hand: "
                        + firstLine(alteration));
            }
        }
        return List.of("ALTER TABLE " + local(table) + onCluster() + " " + alterations,
                "ALTER TABLE " + table + onCluster() + " " + alterations);
    }

    /**
     * SYNC: a Replicated table dropped in an Atomic database leaves its ZooKeeper path for
     * minutes, and a migration that drops and creates a table again (V046 after a crash) needs it free.
     * IF EXISTS on a table this walk has not seen is a left-over of an interrupted run, made in this layout.
     */
    private List<String> drop(boolean ifExists, String table) {
        if (!ifExists) {
            requireSharded(table, "DROP TABLE");
        }
        shardedTables.remove(table);
        String clause = ifExists ? "IF EXISTS " : "";
        return List.of("DROP TABLE " + clause + table + onCluster() + " SYNC",
                "DROP TABLE " + clause + local(table) + onCluster() + " SYNC");
    }

    /**
     * The data swaps under the local names. A Distributed table names its local table, so after the
     * swap each one is made again over its local table, to take that table's columns.
     */
    private List<String> exchange(String first, String second) {
        requireSharded(first, "EXCHANGE TABLES");
        requireSharded(second, "EXCHANGE TABLES");
        return List.of("EXCHANGE TABLES " + local(first) + " AND " + local(second) + onCluster(),
                "CREATE OR REPLACE TABLE " + first + onCluster() + " AS " + local(first) + "\nENGINE = " + distributedEngine(first),
                "CREATE OR REPLACE TABLE " + second + onCluster() + " AS " + local(second) + "\nENGINE = " + distributedEngine(second));
    }

    /**
     * Between Distributed tables of one cluster and sharding key, each shard copies its own rows
     * (parallel_distributed_insert_select = 2), local to local; otherwise the rows go through the
     * Distributed table, synchronously, so the migration's next statement sees them.
     */
    private String insertSelect(String target, String select) {
        requireSharded(target, "INSERT INTO");
        return "INSERT INTO " + target + " SETTINGS parallel_distributed_insert_select = 2, distributed_foreground_insert = 1\n"
                + select;
    }

    private String distributedEngine(String table) {
        return "Distributed(" + cluster + ", currentDatabase(), " + local(table) + ", " + SHARDING_KEY + ")";
    }

    private String requireSharded(String table, String where) {
        if (!shardedTables.contains(table)) {
            throw new IllegalArgumentException(where + " " + table + ": no sharded table of that name was created"
                    + " by an earlier statement, so its cluster form is unknown");
        }
        return table;
    }

    private String onCluster() {
        return " ON CLUSTER " + cluster;
    }

    static String local(String table) {
        return table + LOCAL_SUFFIX;
    }

    private static String orEmpty(String group) {
        return group == null ? "" : group.toUpperCase().replaceAll("\\s+", " ");
    }

    private static String firstLine(String sql) {
        return sql.lines().findFirst().orElse("");
    }
}
