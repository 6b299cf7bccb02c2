package io.chatpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void splitsStatementsAndDropsComments() {
        Migration m = Migration.of("V007__two.sql", """
                -- a comment; with a semicolon
                CREATE TABLE a (x UInt8)
                ENGINE = Memory;

                CREATE VIEW b AS SELECT ';' AS s FROM a;
                """);

        assertThat(m.version()).isEqualTo(7);
        assertThat(m.statements()).containsExactly(
                "CREATE TABLE a (x UInt8)\nENGINE = Memory",
                "CREATE VIEW b AS SELECT ';' AS s FROM a");
    }

    @Test
    void rejectsAFileNameWithoutVersion() {
        assertThatThrownBy(() -> Migration.of("create_tables.sql", ""))
                .hasMessageContaining("V001__what_it_does.sql");
    }

    @Test
    void theRepeatableFileIsVersionZeroAndNoVersionedFileMayBe() {
        assertThat(Migration.of("R__views.sql", "").repeatable()).isTrue();
        assertThat(Migration.of("V001__a.sql", "").repeatable()).isFalse();
        assertThatThrownBy(() -> Migration.of("V000__a.sql", "")).hasMessageContaining("V001__what_it_does.sql");
    }

    @Test
    void bundledMigrationsApplyInStrictlyIncreasingVersionOrder() {
        List<Migration> bundled = ClickHouseMigrations.bundled();

        assertThat(bundled).isNotEmpty();
        for (int i = 1; i < bundled.size(); i++) {
            assertThat(bundled.get(i).version()).isGreaterThan(bundled.get(i - 1).version());
        }
    }
}
