package io.chatpulse.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Queries over ClickHouse's HTTP interface, as a client outside the system reads it. */
final class ClickHouseHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ClickHouseHttp() {
    }

    /** The engine's answer to {@code sql} (TabSeparated); an exception for any status but 200. */
    static String query(String httpUrl, String sql) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl + "/?query="
                    + URLEncoder.encode(sql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
