package io.chatpulse.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The project's topics as deploy/kafka-topics.properties defines them (copied onto this module's
 * classpath at build), so the embedded broker, the local cluster and docker-compose create the same
 * topics with the same partitions and configs. Only the replication shrinks to the brokers at hand.
 */
public final class ContractTopics {

    static final String RESOURCE = "/kafka-topics.properties";
    private static final String TOPIC_PREFIX = "topic.";

    /** One topic: its partitions and its topic-level configs besides min.insync.replicas. */
    public record Topic(String name, int partitions, Map<String, String> configs) {
    }

    private final int replicationFactor;
    private final int minInSyncReplicas;
    private final List<Topic> topics;

    private ContractTopics(int replicationFactor, int minInSyncReplicas, List<Topic> topics) {
        this.replicationFactor = replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
        this.topics = List.copyOf(topics);
    }

    public static ContractTopics load() {
        try (InputStream in = ContractTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (local-stack copies it from deploy/)");
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ContractTopics parse(Properties p) {
        List<Topic> topics = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(TOPIC_PREFIX)) {
                topics.add(topic(key.substring(TOPIC_PREFIX.length()), p.getProperty(key).trim()));
            }
        }
        topics.sort(Comparator.comparing(Topic::name));
        return new ContractTopics(Integer.parseInt(p.getProperty("replication.factor").trim()),
                Integer.parseInt(p.getProperty("min.insync.replicas").trim()), topics);
    }

    /** "6" or "1 retention.ms=2592000000 cleanup.policy=delete". */
    private static Topic topic(String name, String value) {
        String[] words = value.split("\\s+");
        Map<String, String> configs = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] config = words[i].split("=", 2);
            if (config.length != 2) {
                throw new IllegalArgumentException("topic " + name + ": '" + words[i] + "' is not config=value");
            }
            configs.put(config[0], config[1]);
        }
        return new Topic(name, Integer.parseInt(words[0]), Map.copyOf(configs));
    }

    public List<Topic> topics() {
        return topics;
    }

    public Topic topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic " + name + " in " + RESOURCE));
    }

    /** The definition's replication factor, at most one copy a broker. */
    public short replicationFactor(int brokers) {
        return (short) Math.min(replicationFactor, brokers);
    }

    /** The definition's min.insync.replicas, at most the replication factor on these brokers. */
    public int minInSyncReplicas(int brokers) {
        return Math.min(minInSyncReplicas, replicationFactor(brokers));
    }

    /** The topics as a cluster of {@code brokers} brokers should hold them. */
    public List<NewTopic> newTopics(int brokers) {
        return topics.stream().map(t -> newTopic(t, brokers)).toList();
    }

    private NewTopic newTopic(Topic topic, int brokers) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put("min.insync.replicas", String.valueOf(minInSyncReplicas(brokers)));
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor(brokers)).configs(configs);
    }

    /** Creates the topics that do not exist yet; an existing topic is left as it is. */
    public void createMissing(Admin admin, int brokers) {
        for (NewTopic topic : newTopics(brokers)) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating topic " + topic.name(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("topic " + topic.name() + " not created within 30 s", e);
            }
        }
    }
}
