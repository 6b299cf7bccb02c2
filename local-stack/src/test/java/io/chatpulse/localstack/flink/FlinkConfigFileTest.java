package io.chatpulse.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfigFileTest {

    @TempDir
    Path data;

    @Test
    void checkpointsAndSavepointsGoUnderTheDataFolderSharedByEveryNode() {
        Map<String, String> conf = FlinkConfigFile.settings(cluster(), 6123, 2181);

        assertThat(conf).containsEntry("execution.checkpointing.dir", data.resolve("checkpoints").toUri().toString())
                .containsEntry("execution.checkpointing.savepoint-dir", data.resolve("savepoints").toUri().toString())
                .containsEntry("rest.port", "8088")
                .containsEntry("jobmanager.rpc.port", "6123")
                .doesNotContainKey("high-availability.type");
    }

    @Test
    void highAvailabilityNamesTheZooKeeperQuorumAndAStorageFolder() {
        Map<String, String> conf = FlinkConfigFile.settings(cluster().withHighAvailability(), 6123, 2181);

        assertThat(conf).containsEntry("high-availability.type", "zookeeper")
                .containsEntry("high-availability.zookeeper.quorum", "127.0.0.1:2181")
                .containsEntry("high-availability.storageDir", data.resolve("ha").toUri().toString());
    }

    @Test
    void everyValueIsASingleQuotedYamlScalar() throws Exception {
        FlinkConfigFile.write(data.resolve("conf"), Map.of("pipeline.name", "it's", "rest.port", "8088"));

        assertThat(Files.readAllLines(data.resolve("conf/config.yaml")))
                .containsExactlyInAnyOrder("pipeline.name: 'it''s'", "rest.port: '8088'");
        assertThat(data.resolve("conf/log4j.properties")).content().contains("${sys:log.file}");
    }

    private FlinkClusterSettings cluster() {
        return FlinkClusterSettings.defaults(Path.of("/chatpulse"), data, 8088);
    }
}
