package io.chatpulse.localstack.clickhouse;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FolderLock;
import io.chatpulse.localstack.process.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real ClickHouse engine (chDB) in its own JVM, served over ClickHouse's HTTP interface on
 * 127.0.0.1, data under one folder. A native crash ends only that process.
 */
public final class ClickHouseServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int httpPort;
    private final Path dataDir;
    private final ChildProcess process;

    private ClickHouseServer(int httpPort, Path dataDir, ChildProcess process) {
        this.httpPort = httpPort;
        this.dataDir = dataDir;
        this.process = process;
    }

    /** Starts on a free port. */
    public static ClickHouseServer start(Path dataDir) {
        return start(dataDir, Ports.free());
    }

    public static ClickHouseServer start(Path dataDir, int httpPort) {
        Path dir = dataDir.toAbsolutePath();
        Ports.requireFree(httpPort, "the ClickHouse engine");
        FolderLock.requireUnlocked(dir.resolve("chatpulse-clickhouse.lock"), "ClickHouse engine");
        ChdbLibrary.ensureInstalled();
        ChildProcess process = ChildProcess.start("ClickHouse engine on port " + httpPort,
                List.of("-Xmx256m", "-Xss4m"), ChdbHttpServerMain.class.getName(),
                List.of(dir.toString(), String.valueOf(httpPort)), dir.resolve("clickhouse.log"));
        ClickHouseServer server = new ClickHouseServer(httpPort, dir, process);
        // The engine reports a failed bind only on stderr, so readiness is its own ping answering.
        process.awaitReady(server::pings, START_TIMEOUT);
        return server;
    }

    public int httpPort() {
        return httpPort;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String jdbcUrl() {
        return "jdbc:clickhouse://127.0.0.1:" + httpPort + "/default";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where tenant readers' users files go; the engine reads them when it starts. */
    public Path usersDir() {
        return dataDir.resolve(EngineUsers.USERS_DIR);
    }

    public Path log() {
        return process.log();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The engine's own process, to watch its memory from outside. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.destroy(Duration.ofSeconds(30));
    }

    private boolean pings() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(httpUrl() + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("Ok");
        } catch (Exception e) {
            return false;
        }
    }
}
