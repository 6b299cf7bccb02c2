package io.chatpulse.localstack.clickhouse;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A ClickHouse cluster of two shards of one replica each, on two chDB processes that query each
 * other over native TCP. No Keeper and no interserver HTTP: clickhouse-local starts neither, so
 * Replicated tables and ON CLUSTER do not run here (decision 17).
 */
final class TwoShardCluster implements AutoCloseable {

    static final String NAME = "chatpulse";

    private final List<ChildProcess> nodes = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();

    static TwoShardCluster start(Path dir) {
        int[] tcpPorts = {Ports.free(), Ports.free()};
        TwoShardCluster cluster = new TwoShardCluster();
        for (int shard = 1; shard <= 2; shard++) {
            cluster.startNode(dir.resolve("node" + shard), shard, tcpPorts);
        }
        return cluster;
    }

    String jdbcUrl(int shard) {
        return "jdbc:clickhouse://127.0.0.1:" + httpPorts.get(shard - 1) + "/default";
    }

    /** SIGTERM to one node, as a shard gone down. */
    void stop(int shard) {
        nodes.get(shard - 1).destroy(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.destroy(Duration.ofSeconds(10)));
    }

    private void startNode(Path dir, int shard, int[] tcpPorts) {
        int httpPort = Ports.free();
        Path config = dir.resolve("config.xml");
        write(config, config(shard, tcpPorts));
        ChildProcess node = ChildProcess.start("cluster node " + shard, List.of("-Xmx128m", "-Xss4m"),
                ChdbClusterNodeMain.class.getName(), List.of(dir.toString(), String.valueOf(httpPort), config.toString()),
                dir.resolve("clickhouse.log"));
        nodes.add(node);
        httpPorts.add(httpPort);
        node.awaitReady(() -> pings(httpPort) && Ports.accepting(tcpPorts[shard - 1]), Duration.ofSeconds(90));
    }

    private static String config(int shard, int[] tcpPorts) {
        return """
                <clickhouse>
                  <logger><level>warning</level><console>1</console></logger>
                  <tcp_port>%d</tcp_port>
                  <macros><shard>%02d</shard><replica>r1</replica></macros>
                  <remote_servers><%s>
                    <shard><replica><host>127.0.0.1</host><port>%d</port></replica></shard>
                    <shard><replica><host>127.0.0.1</host><port>%d</port></replica></shard>
                  </%3$s></remote_servers>
                </clickhouse>
                """.formatted(tcpPorts[shard - 1], shard, NAME, tcpPorts[0], tcpPorts[1]);
    }

    private static boolean pings(int httpPort) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
