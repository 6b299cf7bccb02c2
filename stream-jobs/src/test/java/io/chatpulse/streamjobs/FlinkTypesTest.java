package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.streamjobs.conversation.Activity;
import io.chatpulse.streamjobs.conversation.ConversationState;
import io.chatpulse.streamjobs.conversation.CsatRating;
import io.chatpulse.streamjobs.conversation.FirstResponse;
import io.chatpulse.streamjobs.conversation.HandleTime;
import io.chatpulse.streamjobs.conversation.KpiRow;
import io.chatpulse.streamjobs.conversation.QueueWait;
import io.chatpulse.streamjobs.conversation.ReplyTime;
import io.chatpulse.streamjobs.conversation.Resolution;
import io.chatpulse.streamjobs.ingest.DeadLetter;
import io.chatpulse.streamjobs.ingest.IngestedRecord;
import io.chatpulse.streamjobs.qa.QaCheckResult;
import io.chatpulse.streamjobs.qa.QaScore;
import io.chatpulse.streamjobs.qa.QaState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

/** Everything on the wire and in state has a Flink serializer that can evolve: POJOs and Avro, never Kryo. */
class FlinkTypesTest {

    @Test
    void rowsStateAndRecordsArePojos() {
        for (Class<?> type : new Class<?>[] {QueueWait.class, FirstResponse.class, ReplyTime.class, Resolution.class,
                HandleTime.class, CsatRating.class, Activity.class, KpiRow.class, ConversationState.class, DeadLetter.class,
                IngestedRecord.class, QaState.class, QaScore.class, QaCheckResult.class}) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }

    @Test
    void eventsUseAvrosOwnSerializer() {
        assertThat(TypeInformation.of(ConversationEvent.class)).isInstanceOf(AvroTypeInfo.class);
        assertThat(TypeInformation.of(TopicCatalogueVersion.class)).as("the broadcast catalogue state")
                .isInstanceOf(AvroTypeInfo.class);
        assertThat(TypeInformation.of(QaScorecardVersion.class)).as("the broadcast scorecard state")
                .isInstanceOf(AvroTypeInfo.class);
    }
}
