package io.chatpulse.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FlinkJobCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJobIsUpOnlyWhenEveryTaskRuns() throws Exception {
        assertThat(FlinkJobCheck.allTasksRunning(overview("RUNNING", 9, 9))).isTrue();
        assertThat(FlinkJobCheck.allTasksRunning(overview("RUNNING", 7, 9))).as("tasks still deploying").isFalse();
        assertThat(FlinkJobCheck.allTasksRunning(overview("RESTARTING", 0, 9))).isFalse();
    }

    @Test
    void noJobYetIsNotUp() throws Exception {
        assertThat(FlinkJobCheck.allTasksRunning(JSON.readTree("{\"jobs\":[]}"))).isFalse();
        assertThat(FlinkJobCheck.allTasksRunning(JSON.readTree("{}"))).isFalse();
    }

    private static JsonNode overview(String state, int running, int total) throws Exception {
        return JSON.readTree("""
                {"jobs":[{"jid":"a0bc","name":"chatpulse-queue-monitor","state":"%s",
                "tasks":{"running":%d,"total":%d,"created":0,"deploying":%d}}]}"""
                .formatted(state, running, total, total - running));
    }
}
