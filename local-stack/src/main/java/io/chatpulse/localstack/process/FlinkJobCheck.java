package io.chatpulse.localstack.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A Flink job of the local runner is up when its MiniCluster's REST API lists it RUNNING with every
 * task running: before that, its sources read nothing, and a conversation opened meanwhile would be
 * seen late (a page for it could even come too late to count as live).
 */
public final class FlinkJobCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlinkJobCheck() {
    }

    public static boolean allTasksRunning(int restPort) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/jobs/overview"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && allTasksRunning(JSON.readTree(response.body()));
        } catch (Exception e) {
            return false;
        }
    }

    /** The body of GET /jobs/overview: at least one job, and every job RUNNING with all its tasks. */
    static boolean allTasksRunning(JsonNode overview) {
        JsonNode jobs = overview.path("jobs");
        if (jobs.isEmpty()) {
            return false;
        }
        for (JsonNode job : jobs) {
            JsonNode tasks = job.path("tasks");
            if (!"RUNNING".equals(job.path("state").asText())
                    || tasks.path("running").asInt(-1) != tasks.path("total").asInt(-2)) {
                return false;
            }
        }
        return true;
    }
}
