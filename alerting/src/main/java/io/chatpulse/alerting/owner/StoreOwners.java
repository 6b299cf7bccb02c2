package io.chatpulse.alerting.owner;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Which instance of the app holds a tenant's part of a store. Every store of the lifecycle and the
 * delivery log is partitioned by tenant, and with two or more instances each holds only the
 * partitions it was assigned: a tenant's incidents are on exactly one of them. Kafka Streams knows
 * which from the group's assignment and each member's {@code application.server}.
 */
@Component
public class StoreOwners {

    /** Where a tenant's part of a store is. */
    public sealed interface Owner {
        /** On this instance: read the local store. */
        record Local() implements Owner {
        }

        /** On another instance, at {@code host}. */
        record Remote(HostInfo host) implements Owner {
        }

        /** Not known now (starting, rebalancing): the caller should retry shortly. */
        record Unknown() implements Owner {
        }
    }

    private final StreamsBuilderFactoryBean streams;

    public StoreOwners(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public Owner ownerOf(String store, String tenant) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return new Owner.Unknown();
        }
        KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(store, tenant, new StringSerializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Owner.Unknown();
        }
        return metadata.activeHost().equals(self()) ? new Owner.Local() : new Owner.Remote(metadata.activeHost());
    }

    /** This instance, as the group knows it ({@code application.server}). */
    public HostInfo self() {
        return HostInfo.buildFromEndpoint(streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }
}
