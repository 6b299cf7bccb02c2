package io.chatpulse.schema.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The files and statements themselves; dashboards' TenantWallTest runs them on the engine. */
class TenantReadersTest {

    private static final TenantTables SCHEMA = new TenantTables("default", List.of("queue_waits", "alert_history"),
            List.of("queue_wait_summary"));

    @Test
    void aReaderIsNamedAfterItsTenantWhichMustBeAPlainName() {
        assertThat(TenantReader.withNewPassword("acme-eu").passwordVariable()).isEqualTo("CLICKHOUSE_PASSWORD_ACME_EU");
        for (String refused : List.of("default", "bad name", "1acme", "a'b", "", "x".repeat(65))) {
            assertThatThrownBy(() -> TenantReader.withNewPassword(refused)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newPasswordsDifferAndOnlyTheirHashIsWritten() {
        TenantReader one = TenantReader.withNewPassword("acme");
        TenantReader two = TenantReader.withNewPassword("acme");

        assertThat(one.password()).hasSize(24).isNotEqualTo(two.password());
        assertThat(new TenantReader("acme", "secret").passwordSha256Hex())
                .isEqualTo("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
        assertThat(TenantReaders.usersXml(one, SCHEMA)).contains(one.passwordSha256Hex()).doesNotContain(one.password());
    }

    @Test
    void theUsersFileGrantsTheTablesAndViewsAndFiltersEveryTable() {
        String xml = TenantReaders.usersXml(new TenantReader("acme", "secret"), SCHEMA);

        assertThat(xml).contains("<readonly>1</readonly>", "<profile>chatpulse_tenant_reader</profile>",
                "<query>GRANT SELECT ON default.queue_waits</query>", "<query>GRANT SELECT ON default.alert_history</query>",
                "<query>GRANT SELECT ON default.queue_wait_summary</query>",
                "<queue_waits><filter>tenant_id = 'acme'</filter></queue_waits>",
                "<alert_history><filter>tenant_id = 'acme'</filter></alert_history>");
        assertThat(xml).doesNotContain("<queue_wait_summary><filter>", "GRANT SELECT ON default.*", "access_management");
    }

    @Test
    void theSqlFormSaysTheSame() {
        List<String> ddl = TenantReaders.ddl(new TenantReader("acme", "secret"), SCHEMA);

        assertThat(ddl).contains("GRANT SELECT ON default.queue_wait_summary TO `acme`",
                "CREATE ROW POLICY OR REPLACE `acme_tenant` ON default.queue_waits FOR SELECT USING tenant_id = 'acme' TO `acme`");
        assertThat(ddl.get(0)).contains("readonly = 1");
        assertThat(ddl).filteredOn(s -> s.startsWith("CREATE ROW POLICY")).hasSize(2);
    }

    @Test
    void aNameThatCannotGoIntoAUsersFileIsRefused() {
        assertThatThrownBy(() -> new TenantTables("default", List.of("odd-table"), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("odd-table");
    }
}
