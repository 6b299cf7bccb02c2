package io.chatpulse.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class ContractTopicsTest {

    private final ContractTopics topics = ContractTopics.load();

    @Test
    void definesEveryTopicOfTheContract() {
        assertThat(topics.topics()).extracting(ContractTopics.Topic::name).containsExactlyInAnyOrder(
                Topics.CONVERSATION_EVENTS, Topics.AGENT_EVENTS, Topics.ALERTS, Topics.DEAD_LETTER,
                Topics.ALERT_COMMANDS, Topics.ALERT_NOTIFICATIONS, Topics.ALERT_DELIVERIES, Topics.TOPIC_CATALOGUE,
                Topics.QA_SCORECARD);
    }

    @Test
    void threeCopiesAndTwoInSyncOnAClusterOneOfEachOnASingleBroker() {
        assertThat(topics.newTopics(3)).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(topics.newTopics(1)).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "1");
        });
    }

    @Test
    void topicConfigsFollowThePartitionCount() {
        Properties p = new Properties();
        p.setProperty("replication.factor", "3");
        p.setProperty("min.insync.replicas", "2");
        p.setProperty("topic.a.b", "4 cleanup.policy=compact retention.ms=1000");
        NewTopic topic = ContractTopics.parse(p).newTopics(3).get(0);
        assertThat(topic.name()).isEqualTo("a.b");
        assertThat(topic.numPartitions()).isEqualTo(4);
        assertThat(topic.configs()).isEqualTo(Map.of("cleanup.policy", "compact", "retention.ms", "1000",
                "min.insync.replicas", "2"));

        p.setProperty("topic.a.b", "4 compact");
        assertThatThrownBy(() -> ContractTopics.parse(p)).hasMessageContaining("'compact' is not config=value");
    }
}
