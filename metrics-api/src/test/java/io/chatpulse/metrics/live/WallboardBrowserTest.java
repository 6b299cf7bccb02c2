package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;


import io.chatpulse.metrics.support.HeadlessChromium;
import io.chatpulse.metrics.support.LiveAppTest;
import io.chatpulse.metrics.support.LiveFixtures;
import io.chatpulse.metrics.support.SharedClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wallboard page in a real headless Chromium (Debian package {@code chromium}; path from
 * {@code CHROMIUM}, default /usr/bin/chromium; the test fails when it is not installed: ./chatpulse setup installs it),
 * against the app on a random port and a real ClickHouse with the rows of {@link LiveFixtures}. The
 * page runs in real time, its DOM read over the DevTools protocol once the stream has rendered it
 * ({@code --dump-dom} never returns for a page holding an EventSource: see {@link HeadlessChromium}).
 */
@LiveAppTest
class WallboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedClickHouse.get().jdbcUrl());
    }

    @BeforeAll
    static void rows() throws Exception {
        LiveFixtures.insertOnce(SharedClickHouse.get().jdbcUrl());
    }

    @Test
    void servesThePageWithoutAKey() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wallboard")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<table id=\"queues\">", "/wallboard/wallboard.js");
    }

    @Test
    void headlessChromiumShowsTheQueuesTheRedOldestWaitAndTheOpenAlert() throws Exception {
        requireChromium();
        String dom = dom("http://127.0.0.1:" + port + "/wallboard?key=nw-sup");

        assertThat(text(dom, "<span id=\"status\"[^>]*>([^<]*)</span>")).isEqualTo("live");
        String billing = row(dom, "billing");
        assertThat(text(billing, "<td class=\"queue-id\">([^<]*)</td>")).isEqualTo("billing");
        assertThat(text(billing, "<td class=\"queue-length\">([^<]*)</td>")).isEqualTo("3");
        // Queued over 150 s ago: past the 2-minute warning, so red ("late").
        assertThat(text(billing, "<td class=\"oldest-wait late\">([^<]*)</td>")).matches("2:[3-5]\\d|[3-9]:\\d\\d");
        assertThat(text(billing, "<td class=\"service-level\"[^>]*>([^<]*)</td>")).isEqualTo("33.3%");
        assertThat(text(billing, "<td class=\"agents-online\">([^<]*)</td>")).isEqualTo("4");
        assertThat(text(billing, "<td class=\"agents-available\">([^<]*)</td>")).isEqualTo("1");
        assertThat(text(billing, "<td class=\"agents-busy\">([^<]*)</td>")).isEqualTo("3");
        // The forecast beside them: 41.5 s expected; 6 agents needed, 4 online, so red.
        assertThat(text(billing, "<td class=\"forecast-wait\"[^>]*>([^<]*)</td>")).isEqualTo("0:41");
        assertThat(text(billing, "<td class=\"agents-needed late\">([^<]*)</td>")).isEqualTo("6 / 4");

        String sales = row(dom, "sales");
        assertThat(text(sales, "<td class=\"queue-length\">([^<]*)</td>")).isEqualTo("0");
        assertThat(sales).contains("<td class=\"oldest-wait\">–</td>").doesNotContain("oldest-wait late");
        assertThat(sales).contains("<td class=\"forecast-wait\">–</td>", "<td class=\"agents-needed\">–</td>");

        assertThat(text(dom, "<li class=\"alert\" data-rule=\"queue_wait\" data-scope=\"queue:billing\">([^<]*)</li>"))
                .startsWith("Queue billing: a customer has waited 120 s for an agent");
        assertThat(dom).contains("data-scope=\"pipeline\"").doesNotContain("queue:sales", "queue:archive", "secret");
    }

    @Test
    void mostUrgentFirstAndTheFilterKeepsTheQueuesWhoseNameMatches() throws Exception {
        requireChromium();
        try (HeadlessChromium chromium = HeadlessChromium.open(CHROMIUM, Path.of("target").toAbsolutePath(),
                "http://127.0.0.1:" + port + "/wallboard?key=nw-sup&filter=BILL")) {
            String dom = chromium.domWhen(d -> d.contains("data-queue=\"billing\""), Duration.ofSeconds(30));
            assertThat(dom).doesNotContain("data-queue=\"sales\"", "data-queue=\"archive\"");
            assertThat(text(dom, "<p id=\"filtered\"[^>]*>([^<]*)</p>")).isEqualTo("1 of 2 queues match the filter.");

            chromium.evaluate("(function () { var f = document.getElementById('filter'); f.value = '';"
                    + " f.dispatchEvent(new Event('input')); return 'cleared'; })()");
            dom = chromium.domWhen(d -> d.contains("data-queue=\"sales\""), Duration.ofSeconds(30));
            // billing's customer has waited 150 s: first; archive, idle and not configured, is not shown at all
            assertThat(dom.indexOf("data-queue=\"billing\"")).isLessThan(dom.indexOf("data-queue=\"sales\""));
            assertThat(dom).doesNotContain("data-queue=\"archive\"");
        }
    }

    @Test
    void theTopTopicsOfTheLastHourAreListedMostNamedFirst() throws Exception {
        requireChromium();
        Instant recent = Instant.now().minusSeconds(120);
        try (Connection c = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO message_topics (tenant_id, queue_id, conversation_id,"
                     + " event_id, at, topic, rank) VALUES ('northwind', 'billing', ?, ?, fromUnixTimestamp64Milli(?), ?, 1)")) {
            for (String[] tag : new String[][] {{"t1", "returns"}, {"t2", "returns"}, {"t3", "returns"}, {"t4", "delivery"},
                    {"t5", "returns"}}) {
                insert.setString(1, "c-" + tag[0]);
                insert.setString(2, tag[0]);
                insert.setLong(3, recent.toEpochMilli());
                insert.setString(4, tag[1]);
                insert.executeUpdate();
            }
        }
        try (HeadlessChromium chromium = HeadlessChromium.open(CHROMIUM, Path.of("target").toAbsolutePath(),
                "http://127.0.0.1:" + port + "/wallboard?key=nw-sup")) {
            String dom = chromium.domWhen(d -> d.contains("class=\"topic\""), Duration.ofSeconds(30));
            assertThat(dom).as("chromium's stderr: " + chromium.stderr()).contains("class=\"topic\"");
            assertThat(text(dom, "<ol id=\"topics\">(.*?)</ol>")).isEqualTo(
                    "<li class=\"topic\" data-topic=\"returns\">returns: 4 messages</li>"
                            + "<li class=\"topic\" data-topic=\"delivery\">delivery: 1 message</li>");
        }
    }

    @Test
    void theKeyLeavesTheAddressBarForSessionStorage() throws Exception {
        requireChromium();
        try (HeadlessChromium chromium = HeadlessChromium.open(CHROMIUM, Path.of("target").toAbsolutePath(),
                "http://127.0.0.1:" + port + "/wallboard?key=in-sup&timezone=UTC")) {
            String dom = chromium.domWhen(d -> d.contains("data-queue=\"secret\""), Duration.ofSeconds(30));
            assertThat(dom).contains("data-queue=\"secret\"").doesNotContain("billing");
            assertThat(chromium.evaluate("location.pathname + location.search")).isEqualTo("/wallboard?timezone=UTC");
            assertThat(chromium.evaluate("sessionStorage.getItem('chatpulse.wallboard.apiKey')")).isEqualTo("in-sup");
        }
    }

    @Test
    void aRejectedKeyIsSaidSoAndForgotten() throws Exception {
        requireChromium();
        try (HeadlessChromium chromium = HeadlessChromium.open(CHROMIUM, Path.of("target").toAbsolutePath(),
                "http://127.0.0.1:" + port + "/wallboard?key=wrong-key")) {
            String dom = chromium.domWhen(d -> d.contains("API key rejected"), Duration.ofSeconds(30));
            assertThat(text(dom, "<span id=\"status\"[^>]*>([^<]*)</span>")).startsWith("API key rejected (401)");
            assertThat(dom).doesNotContain("data-queue=");
            assertThat(chromium.evaluate("String(sessionStorage.getItem('chatpulse.wallboard.apiKey'))")).isEqualTo("null");
        }
    }

    private String dom(String url) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.open(CHROMIUM, Path.of("target").toAbsolutePath(), url)) {
            String dom = chromium.domWhen(d -> d.contains("data-queue=\"billing\"") && d.contains("class=\"alert\""),
                    Duration.ofSeconds(30));
            assertThat(dom).as("DOM after 30 s; chromium's stderr: " + chromium.stderr()).contains("data-queue=\"billing\"");
            chromium.screenshot(Path.of("target", "wallboard.png"));
            return dom;
        }
    }

    private static String row(String dom, String queue) {
        return text(dom, "(<tr class=\"queue\" data-queue=\"" + queue + "\">.*?</tr>)");
    }

    private static String text(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as(regex + " in " + html).isTrue();
        return matcher.group(1);
    }

    private static void requireChromium() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("%s is missing: ./chatpulse setup installs it (apt-get install chromium)", CHROMIUM).isTrue();
    }
}
