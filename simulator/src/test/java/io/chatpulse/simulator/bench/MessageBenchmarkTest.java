package io.chatpulse.simulator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBenchmarkTest {

    @Test
    void optionsHaveDefaultsAndNameTheBadOne() {
        BenchmarkOptions defaults = BenchmarkOptions.parse();
        BenchmarkOptions set = BenchmarkOptions.parse("--url", "http://h:1", "--conversations", "10",
                "--concurrency", "4", "--duration", "2m", "--warmup", "0s");

        assertThat(defaults.concurrency()).isEqualTo(64);
        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.url()).isEqualTo(URI.create("http://h:1"));
        assertThat(set.conversations()).isEqualTo(10);
        assertThat(set.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(set.warmup()).isZero();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duration", "soon")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--nope", "1")).hasMessageContaining("--nope");
    }

    @Test
    void theLatenciesOfAllWorkersAreMergedInOrder() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 1; i <= 1000; i++) {
            (i % 2 == 0 ? a : b).add(i);
        }
        long[] sorted = Latencies.sorted(List.of(a, b));

        assertThat(sorted).hasSize(1000).isSorted().startsWith(1, 2, 3).endsWith(999, 1000);
    }

    @Test
    void aConnectionReadsFixedLengthAndChunkedAnswersOnOneSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread fake = new Thread(() -> serveTwo(server));
            fake.start();
            try (KeepAliveConnection c = new KeepAliveConnection(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    "k")) {
                assertThat(c.post("/a", "{}")).isEqualTo(new KeepAliveConnection.Response(201, "{\"messageId\":\"m\"}"));
                assertThat(c.post("/b", "{}")).isEqualTo(new KeepAliveConnection.Response(503, "hello world"));
            }
            fake.join(5_000);
        }
    }

    private static void serveTwo(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            readRequest(in);
            out.write(("HTTP/1.1 201 \r\nContent-Length: 17\r\n\r\n{\"messageId\":\"m\"}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readRequest(in);
            out.write(("HTTP/1.1 503 \r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads headers and the 2-byte body "{}". */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        assertThat(head.toString()).contains("X-Api-Key: k", "Content-Length: 2");
        in.readNBytes(2);
    }
}
