package io.chatpulse.localstack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The cluster's REST API (the one its web UI uses), for what {@code flink run}, {@code flink stop} and
 * the UI do: upload the jobs' jar, run a job from it, read jobs, tasks and checkpoints, stop a job
 * with a savepoint.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    public FlinkRest(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** TaskManagers registered with the JobManager; -1 while it does not answer. */
    public int registeredTaskManagers() {
        try {
            return get("/overview").path("taskmanagers").asInt(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** POST /jars/upload: the jar's id for {@link #run}. */
    public String uploadJar(Path jar) {
        String boundary = "chatpulse-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, jar))).build();
        String uploaded = send(request).path("filename").asText();
        return uploaded.substring(uploaded.lastIndexOf('/') + 1);
    }

    /** POST /jars/:id/run: runs the job's main in the JobManager, which submits the job; its id. */
    public String run(String jarId, JobSubmission job) {
        ObjectNode body = JSON.createObjectNode()
                .put("entryClass", job.entryClass())
                .put("parallelism", job.parallelism());
        body.putPOJO("programArgsList", job.programArgs());
        job.savepointPath().ifPresent(path -> body.put("savepointPath", path));
        return post("/jars/" + jarId + "/run", body, Duration.ofMinutes(2)).path("jobid").asText();
    }

    /** Jobs by id with their state (RUNNING, RESTARTING, FINISHED, ...). */
    public Map<String, String> jobStates() {
        Map<String, String> states = new HashMap<>();
        get("/jobs/overview").path("jobs").forEach(job -> states.put(job.path("jid").asText(), job.path("state").asText()));
        return states;
    }

    /** Jobs not ended (running, restarting, ...): their ids by job name. */
    public Map<String, String> activeJobsByName() {
        Map<String, String> active = new HashMap<>();
        get("/jobs/overview").path("jobs").forEach(job -> {
            if (!ENDED.contains(job.path("state").asText())) {
                active.put(job.path("name").asText(), job.path("jid").asText());
            }
        });
        return active;
    }

    public Optional<String> jobState(String jobId) {
        return Optional.ofNullable(jobStates().get(jobId));
    }

    /**
     * The TaskManager of every subtask of the job that is RUNNING, one entry per running subtask;
     * fewer entries than {@link #subtasks} while some are not.
     */
    public List<String> taskManagersOfRunningSubtasks(String jobId) {
        return subtaskNodes(jobId).stream().filter(s -> s.path("status").asText().equals("RUNNING"))
                .map(s -> s.path("taskmanager-id").asText()).toList();
    }

    /**
     * The TaskManagers the job runs on once it is RUNNING with every subtask running (what "up" means
     * for a job); empty before, also while the JobManager cannot say yet.
     */
    public Optional<Set<String>> runningOn(String jobId) {
        try {
            if (!jobState(jobId).orElse("").equals("RUNNING")) {
                return Optional.empty();
            }
            List<String> running = taskManagersOfRunningSubtasks(jobId);
            return running.size() == subtasks(jobId) ? Optional.of(new TreeSet<>(running)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Subtasks of every vertex of the job. */
    public int subtasks(String jobId) {
        return subtaskNodes(jobId).size();
    }

    private List<JsonNode> subtaskNodes(String jobId) {
        List<JsonNode> subtasks = new ArrayList<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText()).path("subtasks").forEach(subtasks::add);
        }
        return subtasks;
    }

    /** The job's parallelism as its vertices report it (the largest). */
    public int parallelism(String jobId) {
        int parallelism = 0;
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            parallelism = Math.max(parallelism, vertex.path("parallelism").asInt());
        }
        return parallelism;
    }

    public long completedCheckpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Flink's own count of the job's restarts. */
    public long restarts(String jobId) {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return metric.path("value").asLong(-1);
        }
        return -1;
    }

    /**
     * POST /jobs/:id/stop: a savepoint into {@code targetDirectory}, then the job ends (no drain: its
     * timers do not fire, the next run goes on from them). Waits for it; returns the savepoint's path.
     */
    public String stopWithSavepoint(String jobId, Path targetDirectory, Duration timeout) {
        ObjectNode body = JSON.createObjectNode().put("targetDirectory", targetDirectory.toUri().toString()).put("drain", false);
        String trigger = post("/jobs/" + jobId + "/stop", body, Duration.ofSeconds(30)).path("request-id").asText();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("savepoint of " + jobId + " failed: " + operation.path("failure-cause"));
                }
                return operation.path("location").asText();
            }
            pause();
        }
        throw new IllegalStateException("savepoint of " + jobId + " not done within " + timeout);
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build());
    }

    private JsonNode post(String path, JsonNode body, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] multipart(String boundary, Path jar) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                    + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
