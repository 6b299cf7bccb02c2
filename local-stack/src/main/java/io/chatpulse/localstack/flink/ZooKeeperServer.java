package io.chatpulse.localstack.flink;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.Ports;
import io.chatpulse.localstack.process.WatchedMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A single ZooKeeper server (ZooKeeper's own {@code ZooKeeperServerMain} from its Maven Central jar)
 * in its own JVM on 127.0.0.1: where the JobManager, in high-availability mode, records its leadership
 * and the jobs it runs, so that a JobManager started again takes them up by itself.
 */
final class ZooKeeperServer implements AutoCloseable {

    private final ChildProcess process;

    private ZooKeeperServer(ChildProcess process) {
        this.process = process;
    }

    static ZooKeeperServer start(Path zooKeeperLib, Path folder, int port, Path log4jConfig) {
        Ports.requireFree(port, "ZooKeeper");
        Path config = writeConfig(folder, port);
        String classpath = WatchedClasspath.of(zooKeeperLib);
        // Its admin server would take port 8080, chat-core's.
        List<String> jvm = List.of("-Xmx128m", "-Dzookeeper.admin.enableServer=false",
                "-Dlog.file=" + folder.resolve("zookeeper.log"), "-Dlog4j.configurationFile=" + log4jConfig.toUri());
        ChildProcess process = ChildProcess.exec("zookeeper", ChildProcess.javaCommand(jvm, classpath,
                WatchedMain.class.getName(), List.of("org.apache.zookeeper.server.ZooKeeperServerMain", config.toString())),
                folder.resolve("zookeeper.out"));
        process.awaitReady(() -> Ports.accepting(port), Duration.ofSeconds(60));
        return new ZooKeeperServer(process);
    }

    private static Path writeConfig(Path folder, int port) {
        try {
            Files.createDirectories(folder.resolve("data"));
            Path config = folder.resolve("zoo.cfg");
            Files.writeString(config, String.join("\n",
                    "tickTime=2000",
                    "dataDir=" + folder.resolve("data"),
                    "clientPort=" + port,
                    "clientPortAddress=127.0.0.1",
                    "admin.enableServer=false",
                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ZooKeeper's configuration under " + folder, e);
        }
    }


    @Override
    public void close() {
        process.destroy(Duration.ofSeconds(10));
    }
}
