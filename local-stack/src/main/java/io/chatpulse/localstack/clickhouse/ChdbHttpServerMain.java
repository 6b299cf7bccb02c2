package io.chatpulse.localstack.clickhouse;

import com.sun.jna.Pointer;
import io.chatpulse.localstack.process.FolderLock;
import io.chatpulse.localstack.process.ParentWatchdog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM entry point: a current ClickHouse engine (chDB) serving ClickHouse's own HTTP
 * interface on 127.0.0.1, HTTP only (the native TCP listener crashed on broken connections).
 * clickhouse-local serves while a query runs, so the session runs one low-cost query until
 * SIGTERM, which kills that query and shuts the engine down cleanly.
 * Arguments: DATA_DIR HTTP_PORT.
 */
public final class ChdbHttpServerMain {

    /** The KILL statement builds this name with concat() so its own text never matches it. */
    private static final String KEEPALIVE_MARKER = "chatpulse_keepalive";

    private ChdbHttpServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        ParentWatchdog.exitWhenParentDies();
        FolderLock lock = FolderLock.acquire(dataDir.resolve("chatpulse-clickhouse.lock"), "ClickHouse engine");

        Chdb chdb = Chdb.load(ChdbLibrary.ensureInstalled());
        chdb.chdb_set_signal_handlers_enabled(0);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            killKeepAlive(port);
            awaitQuietly(stopped);
        }, "clickhouse-stop"));

        String[] argv = {
                "clickhouse",
                "--path=" + dataDir.resolve("data"),
                "--config-file=" + EngineUsers.writeConfig(dataDir),
                "--listen_host=127.0.0.1",
                "--http_port=" + port,
                "--multiquery",
                "--query=SYSTEM START LISTEN HTTP; SELECT sleepEachRow(1) AS " + KEEPALIVE_MARKER
                        + " FROM numbers(9223372036854775807) SETTINGS max_block_size = 1 FORMAT Null",
        };
        System.err.println("chatpulse: ClickHouse engine serving HTTP on 127.0.0.1:" + port + ", data in " + dataDir);
        Pointer result = chdb.chdb_query_cmdline(argv.length, argv);
        String error = result == null ? null : chdb.chdb_result_error(result);
        if (result != null) {
            chdb.chdb_destroy_query_result(result);
        }
        chdb.chdb_shutdown();
        lock.close();
        stopped.countDown();
        if (error != null && !error.isBlank() && !error.contains("QUERY_WAS_CANCELLED")) {
            System.err.println("chatpulse: ClickHouse engine stopped with an error: " + error);
            System.exit(1);
        }
        System.err.println("chatpulse: ClickHouse engine stopped");
    }

    private static void killKeepAlive(int port) {
        String sql = "KILL QUERY WHERE position(query, concat('chatpulse_', 'keepalive')) > 0 SYNC";
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("chatpulse: could not stop the keep-alive query: " + e);
        }
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
