package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.dashboards.grafana.MacroExpander.TimeRange;
import io.chatpulse.dashboards.grafana.MacroExpander.Variable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacroExpanderTest {

    // 2026-03-01T00:00:00.250Z .. 2026-03-02T00:00:00.750Z, 60 s interval
    private static final TimeRange RANGE = new TimeRange(Instant.ofEpochMilli(1_772_323_200_250L),
            Instant.ofEpochMilli(1_772_409_600_750L), Duration.ofSeconds(60));
    private static final Map<String, Variable> ONE_QUEUE = Map.of(
            "tenant", Variable.of("tenant", "acme"), "queue", Variable.of("queue", "billing"));
    private static final Map<String, Variable> ALL_QUEUES = Map.of(
            "tenant", Variable.of("tenant", "acme"), "queue", Variable.all("queue", List.of("billing", "sales")));

    @Test
    void expandsTheTimeMacrosAsThePluginBackendDoes() {
        assertThat(MacroExpander.expandTimeMacros("$__fromTime $__toTime $__fromTime_ms $__toTime_ms $__interval_s", RANGE))
                .isEqualTo("toDateTime(1772323200) toDateTime(1772409600) fromUnixTimestamp64Milli(1772323200250)"
                        + " fromUnixTimestamp64Milli(1772409600750) 60");
        assertThat(MacroExpander.expandTimeMacros("WHERE $__timeFilter(ended_at)", RANGE))
                .isEqualTo("WHERE ended_at >= toDateTime(1772323200) AND ended_at <= toDateTime(1772409600)");
        assertThat(MacroExpander.expandTimeMacros("$__timeFilter_ms( t )", RANGE))
                .isEqualTo("t >= fromUnixTimestamp64Milli(1772323200250) AND t <= fromUnixTimestamp64Milli(1772409600750)");
        assertThat(MacroExpander.expandTimeMacros("$__dateFilter(d)", RANGE))
                .isEqualTo("d >= toDate('2026-03-01') AND d <= toDate('2026-03-02')");
        assertThat(MacroExpander.expandTimeMacros("SELECT $__timeInterval(ended_at) AS time", RANGE))
                .isEqualTo("SELECT toStartOfInterval(toDateTime(ended_at), INTERVAL 60 second) AS time");
        assertThat(MacroExpander.expandTimeMacros("$__timeInterval_ms(coalesce(a, b))", RANGE))
                .isEqualTo("toStartOfInterval(toDateTime64(coalesce(a, b), 3), INTERVAL 60000 millisecond)");
    }

    @Test
    void neverUsesAnIntervalBelowOneSecond() {
        TimeRange tiny = new TimeRange(RANGE.from(), RANGE.to(), Duration.ofMillis(20));
        assertThat(MacroExpander.expandTimeMacros("$__interval_s", tiny)).isEqualTo("1");
        assertThat(MacroExpander.expandTimeMacros("$__timeInterval(t)", tiny)).contains("INTERVAL 1 second");
    }

    @Test
    void conditionalAllIsTheConditionForASelectionAndTrueForAll() {
        String sql = "WHERE $__conditionalAll(queue_id IN (${queue:singlequote}), $queue) AND x";

        assertThat(MacroExpander.conditionalAll(sql, ONE_QUEUE)).isEqualTo("WHERE queue_id IN (${queue:singlequote}) AND x");
        assertThat(MacroExpander.conditionalAll(sql, ALL_QUEUES)).isEqualTo("WHERE 1=1 AND x");
        assertThat(MacroExpander.conditionalAll("$__conditionalAll(a = 1, ${queue})", Map.of("queue", Variable.of("queue"))))
                .isEqualTo("1=1");
    }

    @Test
    void interpolatesVariablesInTheirFormats() {
        Map<String, Variable> vars = Map.of("q", Variable.of("q", "a", "b'c"), "t", Variable.of("t", "acme"));

        assertThat(MacroExpander.interpolate("'${t}' $t ${q} ${q:csv}", vars)).isEqualTo("'acme' acme a,b'c a,b'c");
        assertThat(MacroExpander.interpolate("${q:singlequote}", vars)).isEqualTo("'a','b\\'c'");
        assertThat(MacroExpander.interpolate("${q:sqlstring}", vars)).isEqualTo("'a','b''c'");
        assertThat(MacroExpander.interpolate("$__interval_s $t", vars)).isEqualTo("$__interval_s acme");
    }

    @Test
    void expandsAWholePanelQueryInGrafanasOrder() {
        String raw = "SELECT * FROM queue_wait_summary(tenant = '${tenant}', from = $__fromTime, to = $__toTime)"
                + " WHERE $__conditionalAll(queue_id IN (${queue:singlequote}), $queue)";

        assertThat(MacroExpander.expand(raw, RANGE, ONE_QUEUE)).isEqualTo(
                "SELECT * FROM queue_wait_summary(tenant = 'acme', from = toDateTime(1772323200), to = toDateTime(1772409600))"
                        + " WHERE queue_id IN ('billing')");
        assertThat(MacroExpander.expand(raw, RANGE, ALL_QUEUES)).endsWith(" WHERE 1=1");
    }

    @Test
    void substitutesACustomAllValueUnformatted() {
        Map<String, Variable> vars = Map.of("queue", Variable.all("queue", List.of("billing", "sales"), "__all"));

        assertThat(MacroExpander.interpolate("queue = if('${queue}' = '__all', '', '${queue}')", vars))
                .isEqualTo("queue = if('__all' = '__all', '', '__all')");
        assertThat(MacroExpander.interpolate("${queue:singlequote}", vars)).isEqualTo("__all");
        assertThat(MacroExpander.conditionalAll("$__conditionalAll(q = 1, $queue)", vars)).isEqualTo("1=1");
    }

    @Test
    void failsOnWhatItDoesNotKnow() {
        assertThatThrownBy(() -> MacroExpander.expand("$__timeFiltr(x)", RANGE, ONE_QUEUE)).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> MacroExpander.expand("$tennant", RANGE, ONE_QUEUE)).hasMessageContaining("unknown template variable");
        assertThatThrownBy(() -> MacroExpander.expand("$__timeFilter", RANGE, ONE_QUEUE)).hasMessageContaining("needs (column)");
        assertThatThrownBy(() -> MacroExpander.expand("$__timeFilter(a, b)", RANGE, ONE_QUEUE)).hasMessageContaining("one argument");
        assertThatThrownBy(() -> MacroExpander.expand("$__conditionalAll(a)", RANGE, ONE_QUEUE)).hasMessageContaining("condition, $variable");
        assertThatThrownBy(() -> MacroExpander.expand("${queue:json}", RANGE, ONE_QUEUE)).hasMessageContaining("unsupported variable format");
    }
}
