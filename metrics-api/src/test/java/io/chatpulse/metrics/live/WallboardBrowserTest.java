package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.support.LiveAppTest;
import io.chatpulse.metrics.support.LiveFixtures;
import io.chatpulse.metrics.support.LiveFixtures.DeskQueue;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wallboard page in a real headless Chromium driven by Selenium WebDriver, against the app on a
 * random port and a real ClickHouse with the rows of {@link LiveFixtures}. Browser and driver are
 * Debian's packages {@code chromium} and {@code chromium-driver} (paths from {@code CHROMIUM} and
 * {@code CHROMEDRIVER}; the test fails when they are missing: ./chatpulse setup installs them), so
 * nothing is downloaded at test time: with both paths given, Selenium Manager is never asked. The
 * page runs in real time and its DOM is read once the stream has rendered it.
 */
@LiveAppTest
class WallboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration RENDERED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedClickHouse.get().jdbcUrl());
    }

    private ChromeDriver browser;

    @BeforeAll
    static void rows() throws Exception {
        LiveFixtures.insertOnce(SharedClickHouse.get().jdbcUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
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
        open("/wallboard?key=nw-sup");
        String dom = domWhen(d -> d.contains("data-queue=\"billing\"") && d.contains("class=\"alert\""));
        Files.write(Path.of("target", "wallboard.png"), browser.getScreenshotAs(OutputType.BYTES));

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
        open("/wallboard?key=nw-sup&filter=BILL");
        String dom = domWhen(d -> d.contains("data-queue=\"billing\""));
        assertThat(dom).doesNotContain("data-queue=\"sales\"", "data-queue=\"archive\"");
        assertThat(text(dom, "<p id=\"filtered\"[^>]*>([^<]*)</p>")).isEqualTo("1 of 2 queues match the filter.");

        evaluate("var f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));"
                + " return 'cleared';");
        dom = domWhen(d -> d.contains("data-queue=\"sales\""));
        // billing's customer has waited 150 s: first; archive, idle and not configured, is not shown at all
        assertThat(dom.indexOf("data-queue=\"billing\"")).isLessThan(dom.indexOf("data-queue=\"sales\""));
        assertThat(dom).doesNotContain("data-queue=\"archive\"");
    }

    @Test
    void theTopTopicsOfTheLastHourAreListedMostNamedFirst() throws Exception {
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
        open("/wallboard?key=nw-sup");
        String dom = domWhen(d -> d.contains("class=\"topic\""));
        assertThat(text(dom, "<ol id=\"topics\">(.*?)</ol>")).isEqualTo(
                "<li class=\"topic\" data-topic=\"returns\">returns: 4 messages</li>"
                        + "<li class=\"topic\" data-topic=\"delivery\">delivery: 1 message</li>");
    }

    @Test
    void theKeyLeavesTheAddressBarForSessionStorage() throws Exception {
        open("/wallboard?key=in-sup&timezone=UTC");
        String dom = domWhen(d -> d.contains("data-queue=\"secret\""));
        assertThat(dom).contains("data-queue=\"secret\"").doesNotContain("billing");
        assertThat(evaluate("return location.pathname + location.search;")).isEqualTo("/wallboard?timezone=UTC");
        assertThat(evaluate("return sessionStorage.getItem('chatpulse.wallboard.apiKey');")).isEqualTo("in-sup");
    }

    @Test
    void aRejectedKeyIsSaidSoAndForgotten() throws Exception {
        open("/wallboard?key=wrong-key");
        String dom = domWhen(d -> d.contains("API key rejected"));
        assertThat(text(dom, "<span id=\"status\"[^>]*>([^<]*)</span>")).startsWith("API key rejected (401)");
        assertThat(dom).doesNotContain("data-queue=");
        assertThat(evaluate("return String(sessionStorage.getItem('chatpulse.wallboard.apiKey'));")).isEqualTo("null");
    }

    /** Debian's chromium through Debian's chromedriver, headless, on {@code path} of the app. */
    private void open(String path) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("%s or %s is missing: ./chatpulse setup installs them (apt-get install chromium chromium-driver)",
                        CHROMIUM, CHROMEDRIVER).isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** The page's DOM as soon as {@code ready} holds for it (the stream renders it within a second or two). */
    private String domWhen(Predicate<String> ready) {
        String[] last = {""};
        new WebDriverWait(browser, RENDERED).withMessage(() -> "the DOM after " + RENDERED + ": " + last[0])
                .until(driver -> ready.test(last[0] = evaluate("return document.documentElement.outerHTML;")));
        return last[0];
    }

    private String evaluate(String script) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(script));
    }

    @Test
    void aDeskOfSixQueuesAtItsBusyHourMostUrgentFirstWithTodaysServiceLevel() throws Exception {
        open("/wallboard?key=co-sup");
        String dom = domWhen(d -> d.contains("data-queue=\"onboarding\"") && d.contains("class=\"topic\"")
                && d.contains("class=\"alert\""));

        // The rule of the API, applied here to the fixture: longest oldest wait, then most waiting, then id.
        List<String> mostUrgentFirst = LiveFixtures.DESK.stream()
                .sorted(Comparator.comparingInt(DeskQueue::oldestWaitS).reversed()
                        .thenComparing(Comparator.comparingInt(DeskQueue::waiting).reversed())
                        .thenComparing(DeskQueue::id))
                .map(DeskQueue::id).toList();
        List<String> shown = new ArrayList<>();
        Matcher queues = Pattern.compile("<tr class=\"queue\" data-queue=\"([^\"]+)\">").matcher(dom);
        while (queues.find()) {
            shown.add(queues.group(1));
        }
        assertThat(shown).isEqualTo(mostUrgentFirst);

        // Service level today: answered within 30 s / (answered + abandoned), from the fixture's waits.
        for (DeskQueue q : LiveFixtures.DESK) {
            double serviceLevel = 100.0 * q.answeredSoon() / (q.answeredSoon() + q.answeredLate() + q.abandoned());
            assertThat(text(row(dom, q.id()), "<td class=\"service-level\"[^>]*>([^<]*)</td>"))
                    .as(q.id()).isEqualTo(String.format(Locale.ROOT, "%.1f%%", serviceLevel));
        }
        screenshot();
    }

    /**
     * The wallboard as the README shows it: always target/wallboard-desk.png; also
     * docs/img/wallboard.png when {@code -Dwallboard.screenshot=PATH} (or env WALLBOARD_SCREENSHOT)
     * names a file, so a default run leaves the committed picture alone.
     */
    private void screenshot() throws Exception {
        // Tall enough for the six queues, the open alerts and the five topics below them.
        browser.manage().window().setSize(new Dimension(1280, 1000));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "wallboard-desk.png"), png);
        String asked = System.getProperty("wallboard.screenshot", System.getenv("WALLBOARD_SCREENSHOT"));
        if (asked != null && !asked.isBlank()) {
            Path file = Path.of(asked).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, png);
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
}
