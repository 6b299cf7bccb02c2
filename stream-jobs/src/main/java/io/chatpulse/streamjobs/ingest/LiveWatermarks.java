package io.chatpulse.streamjobs.ingest;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** The settings of {@link LiveWatermarkGenerator}, as a strategy for a source. */
public record LiveWatermarks(Duration outOfOrderness, Duration liveIdleness, Duration backlogIdleness,
                             Duration startupIdleness, Duration catchUpBound) implements java.io.Serializable {

    public <T> WatermarkStrategy<T> strategy(SerializableTimestampAssigner<T> eventTime) {
        WatermarkGeneratorSupplier<T> generators = context -> generator(System::currentTimeMillis);
        return WatermarkStrategy.forGenerator(generators).withTimestampAssigner(eventTime);
    }

    <T> WatermarkGenerator<T> generator(java.util.function.LongSupplier clock) {
        return new LiveWatermarkGenerator<>(outOfOrderness.toMillis(), liveIdleness.toMillis(),
                backlogIdleness.toMillis(), startupIdleness.toMillis(), catchUpBound.toMillis(), clock);
    }
}
