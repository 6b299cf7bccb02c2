package io.chatpulse.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's Flink jobs seen through their MiniClusters' REST API: which job runs, in which state,
 * and how often it restarted (Flink's own {@code numRestarts} metric of the job).
 */
final class FlinkJobs {

    /** One job as its REST API reports it. */
    record JobState(String jobId, String state, long restarts) {
    }

    private final Http http = new Http();
    private final Map<String, Integer> restPorts;

    FlinkJobs(Map<String, Integer> restPorts) {
        this.restPorts = restPorts;
    }

    /** Every job by "runner name/job name". */
    Map<String, JobState> states() {
        Map<String, JobState> states = new TreeMap<>();
        restPorts.forEach((runner, port) -> {
            for (JsonNode job : get(port, "/jobs/overview").path("jobs")) {
                String id = job.path("jid").asText();
                states.put(runner + "/" + job.path("name").asText(),
                        new JobState(id, job.path("state").asText(), restarts(port, id)));
            }
        });
        return states;
    }

    /**
     * Checkpoints completed by the running job of {@code runner} (Flink's own count; 0 while none
     * runs): after one that follows the test's first events, a crash resumes with their state.
     */
    long completedCheckpoints(String runner) {
        int port = restPorts.get(runner);
        for (JsonNode job : get(port, "/jobs/overview").path("jobs")) {
            if (job.path("state").asText().equals("RUNNING")) {
                return get(port, "/jobs/" + job.path("jid").asText() + "/checkpoints").path("counts").path("completed").asLong();
            }
        }
        return 0;
    }

    private long restarts(int port, String jobId) {
        for (JsonNode metric : get(port, "/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return metric.path("value").asLong(-1);
        }
        return -1;
    }

    private JsonNode get(int port, String path) {
        Http.Reply reply = http.send("GET", "http://127.0.0.1:" + port + path, Map.of(), null);
        if (reply.status() != 200) {
            throw new IllegalStateException("Flink REST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }
}
