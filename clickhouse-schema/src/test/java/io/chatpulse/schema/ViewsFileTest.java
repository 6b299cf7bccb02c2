package io.chatpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** R__views.sql holds every view once, in an order it can run in; the migrations hold none (decision 35). */
class ViewsFileTest {

    private static final Pattern DEFINITION = Pattern.compile(
            "CREATE OR REPLACE (VIEW|FUNCTION) (\\w+) AS\\s.*|DROP VIEW IF EXISTS (\\w+)", Pattern.DOTALL);
    private static final Pattern VIEW_OR_FUNCTION = Pattern.compile(
            "CREATE\\s+(OR\\s+REPLACE\\s+)?(VIEW|FUNCTION)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyStatementReplacesAViewOrAFunctionOrDropsAView() {
        for (String statement : ClickHouseMigrations.views().statements()) {
            assertThat(statement).as(statement).matches(DEFINITION);
        }
    }

    @Test
    void eachViewIsDefinedOnceAndAfterEverythingItReads() {
        Map<String, String> definitions = definitions();
        List<String> defined = new ArrayList<>();
        for (Map.Entry<String, String> view : definitions.entrySet()) {
            for (String other : definitions.keySet()) {
                if (!other.equals(view.getKey()) && Pattern.compile("\\b" + other + "\\s*\\(").matcher(view.getValue()).find()) {
                    assertThat(defined).as("%s reads %s, so %s comes first", view.getKey(), other, other).contains(other);
                }
            }
            defined.add(view.getKey());
        }
        assertThat(definitions).containsKeys("chatpulse_bucket_ms", "report_queue_waits", "queue_wait_summary",
                "queue_live_now", "forecast_accuracy_summary");
    }

    @Test
    void theVersionedMigrationsCreateNoViewOrFunction() {
        for (Migration migration : ClickHouseMigrations.bundled()) {
            for (String statement : migration.statements()) {
                assertThat(VIEW_OR_FUNCTION.matcher(statement).lookingAt())
                        .as("%s: %s", migration.fileName(), statement.lines().findFirst().orElse("")).isFalse();
            }
        }
    }

    @Test
    void releasedChecksumsNameBundledMigrationsOnly() {
        List<String> bundled = ClickHouseMigrations.bundled().stream().map(Migration::fileName).toList();

        assertThat(ClickHouseMigrations.releasedChecksums().keySet()).isNotEmpty().allSatisfy(file ->
                assertThat(bundled).contains(file));
    }

    /** Name to statement, in file order; fails on a name defined twice. */
    private static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String statement : ClickHouseMigrations.views().statements()) {
            Matcher m = DEFINITION.matcher(statement);
            if (m.matches() && m.group(2) != null) {
                assertThat(definitions).as("defined twice").doesNotContainKey(m.group(2));
                definitions.put(m.group(2), statement);
            }
        }
        return definitions;
    }
}
