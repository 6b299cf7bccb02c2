package io.chatpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatpulse.e2e.fault.ChatCoreOnBroker;
import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The simulator's default desk against the real chat-core on a real broker: agents log in and
 * out in shifts through chat-core's agent endpoints, chat-core routes, and the agents answer
 * what their live streams say was assigned to them. Short shifts and a fast pace make a 20 s run
 * hold several shift changes.
 */
class SimulatedDeskIT {

    private static final int AGENTS = 4;
    private static final Pattern DONE = Pattern.compile(
            "done after .*conversations started (\\d+), resolved (\\d+), abandoned \\d+, rated \\d+, dropped (\\d+)");

    @Test
    void agentsWorkShiftsAndAnswerWhatChatCoreAssigns() throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        try (ChatCoreOnBroker chatCore = ChatCoreOnBroker.start("simulated-desk", Map.of())) {
            JsonHttp http = new JsonHttp(chatCore.url(), "demo-key");
            ChildProcess simulator = Application.executableJar(home, "simulator", "256m", Map.of(), List.of(
                    "--url", chatCore.url(), "--rate", "240", "--pace", "0.1", "--agents", String.valueOf(AGENTS),
                    "--shift", "6s", "--duration", "20s", "--seed", "5", "--progress", "5s"))
                    .start(home.resolve("e2e-tests/target/simulated-desk-" + System.nanoTime()));

            Map<String, List<String>> statusesSeen = new HashMap<>();
            Set<String> busySeen = new HashSet<>();
            while (simulator.isAlive()) {
                for (String agent : agentIds()) {
                    JsonNode shown = http.get("/api/v1/agents/" + agent).body();
                    String status = shown.path("status").asText("UNKNOWN");
                    List<String> seen = statusesSeen.computeIfAbsent(agent, a -> new java.util.ArrayList<>());
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                        seen.add(status);
                    }
                    if (status.equals("ONLINE") && shown.path("activeConversations").asInt() > 0) {
                        busySeen.add(agent);
                    }
                }
                Thread.sleep(200);
            }
            simulator.awaitSuccess(Duration.ofSeconds(30));

            String tail = simulator.tail(5);
            Matcher done = DONE.matcher(tail);
            assertThat(done.find()).as(tail).isTrue();
            assertThat(Long.parseLong(done.group(2))).as("resolved").isGreaterThan(20);
            assertThat(Long.parseLong(done.group(3))).as("dropped: a call that failed").isZero();
            assertThat(busySeen).as("agents holding conversations chat-core assigned").hasSizeGreaterThan(1);
            // a shift ended and the agent came back for the next one
            assertThat(statusesSeen.values()).as("%s", statusesSeen)
                    .anySatisfy(seen -> assertThat(String.join(" ", seen)).contains("ONLINE OFFLINE ONLINE"));
            // the end of the run logs everyone out; what they held went back to the queues
            for (String agent : agentIds()) {
                JsonNode shown = http.get("/api/v1/agents/" + agent).body();
                assertThat(shown.path("status").asText()).isEqualTo("OFFLINE");
                assertThat(shown.path("activeConversations").asInt()).isZero();
            }
        }
    }

    private static List<String> agentIds() {
        return IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "sim-routed-agent-" + i).toList();
    }
}
