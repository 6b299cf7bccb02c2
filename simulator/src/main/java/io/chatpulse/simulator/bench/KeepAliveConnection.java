package io.chatpulse.simulator.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection, one request at a time. Hand-rolled on a socket so that the
 * load generator, sharing two cores with chat-core and Kafka, spends as little CPU as possible
 * per request (java.net.http costs several thread hand-offs per call).
 */
final class KeepAliveConnection implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final URI base;
    private final String apiKey;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    Response post(String path, String json) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ':' + port()
                + "\r\nX-Api-Key: " + apiKey + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                close = true;
            }
        }
        String body = chunked ? chunkedBody() : new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
        if (close) {
            close();
        }
        return new Response(code, body);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(); // CRLF after the chunk
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers: none expected
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(base.getHost(), port()), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private int port() {
        return base.getPort() > 0 ? base.getPort() : 80;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
