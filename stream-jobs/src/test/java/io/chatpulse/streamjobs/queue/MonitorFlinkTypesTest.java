package io.chatpulse.streamjobs.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.streamjobs.agent.AgentClock;
import io.chatpulse.streamjobs.agent.AgentMinute;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRuleState;
import io.chatpulse.streamjobs.alert.PipelineProgress;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

/** The monitor's records and state have Flink serializers that can evolve: POJOs and Avro, never Kryo. */
class MonitorFlinkTypesTest {

    @Test
    void rowsStateAndRecordsArePojos() {
        for (Class<?> type : new Class<?>[] {MonitorInput.class, Waiting.class, AgentPresence.class, QueueStatus.class,
                QueueSnapshot.class, ConversationTrack.class, AlertRecord.class, AlertRuleState.class, PipelineProgress.class,
                AgentMinute.class, AgentClock.class, io.chatpulse.streamjobs.forecast.QueueTraffic.class,
                io.chatpulse.streamjobs.forecast.MinuteRing.class, io.chatpulse.streamjobs.forecast.QueueForecast.class}) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
        assertThat(TypeInformation.of(AgentEvent.class)).isInstanceOf(AvroTypeInfo.class);
    }
}
