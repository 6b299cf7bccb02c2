package io.chatpulse.localstack.clickhouse;

import io.chatpulse.localstack.process.ParentWatchdog;
import java.nio.file.Path;

/**
 * Child-JVM entry point of a test: one node of a ClickHouse cluster on chDB, with a server
 * configuration (remote_servers, macros, tcp_port) and the native TCP listener the other nodes
 * query its shard through. Test data only, so SIGTERM simply ends the process.
 * Arguments: DATA_DIR HTTP_PORT CONFIG_FILE.
 */
public final class ChdbClusterNodeMain {

    private ChdbClusterNodeMain() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        ParentWatchdog.exitWhenParentDies();
        Chdb chdb = Chdb.load(ChdbLibrary.ensureInstalled());
        chdb.chdb_set_signal_handlers_enabled(0);
        String[] argv = {
                "clickhouse",
                "--config-file=" + args[2],
                "--path=" + dataDir.resolve("data"),
                "--listen_host=127.0.0.1",
                "--http_port=" + args[1],
                "--multiquery",
                "--query=SYSTEM START LISTEN TCP; SYSTEM START LISTEN HTTP;"
                        + " SELECT sleepEachRow(1) FROM numbers(9223372036854775807) SETTINGS max_block_size = 1 FORMAT Null",
        };
        chdb.chdb_query_cmdline(argv.length, argv);
        System.err.println("chatpulse: cluster node stopped");
    }
}
