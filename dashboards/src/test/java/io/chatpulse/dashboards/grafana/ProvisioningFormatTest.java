package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import io.chatpulse.schema.tenant.GrafanaProvisioning;
import io.chatpulse.schema.tenant.TenantReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The files follow Grafana's provisioning format and reference only what is provisioned. */
class ProvisioningFormatTest {

    static final String PLUGIN = "grafana-clickhouse-datasource";
    static final String DATASOURCE_UID = "chatpulse-clickhouse";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void provisionsTheClickHouseDatasourceOverHttp() {
        assertThat(Provisioning.datasourceFiles()).isNotEmpty().allSatisfy(file -> {
            assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
            assertThat(file.path("datasources").isArray()).isTrue();
        });
        List<JsonNode> datasources = Provisioning.datasources();
        assertThat(datasources).extracting(ds -> ds.path("uid").asString()).doesNotHaveDuplicates().contains(DATASOURCE_UID);

        JsonNode clickHouse = datasources.stream().filter(ds -> ds.path("uid").asString().equals(DATASOURCE_UID)).findFirst().orElseThrow();
        assertThat(clickHouse.path("type").asString()).isEqualTo(PLUGIN);
        assertThat(clickHouse.path("name").asString()).isNotBlank();
        JsonNode jsonData = clickHouse.path("jsonData");
        assertThat(jsonData.path("protocol").asString()).isEqualTo("http");
        assertThat(jsonData.path("port").asInt()).isEqualTo(8123);
        assertThat(jsonData.path("host").asString()).isEqualTo("${CLICKHOUSE_HOST}");
    }

    @Test
    void providesTheDashboardsFolderThroughAFileProvider() {
        assertThat(Provisioning.dashboardProviderFiles()).isNotEmpty().allSatisfy(file -> {
            assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
            assertThat(file.path("providers")).isNotEmpty().allSatisfy(provider -> {
                assertThat(provider.path("name").asString()).isNotBlank();
                assertThat(provider.path("type").asString()).isEqualTo("file");
                assertThat(provider.path("options").path("path").asString()).isNotBlank();
            });
        });
    }

    @Test
    void everyDashboardHasAUniqueUidAndATitle() {
        List<Dashboard> dashboards = Provisioning.dashboards();

        assertThat(dashboards).isNotEmpty();
        assertThat(dashboards).extracting(Dashboard::uid).doesNotContain("").doesNotHaveDuplicates();
        assertThat(dashboards).allSatisfy(d -> {
            assertThat(d.json().path("title").asString("")).as(d.file().toString()).isNotBlank();
            assertThat(d.json().path("schemaVersion").asInt()).as(d.file().toString()).isPositive();
            // A provisioned dashboard must not carry a database id: Grafana assigns it.
            assertThat(d.json().has("id") && !d.json().get("id").isNull()).as(d.file() + " id").isFalse();
        });
        assertThat(dashboards).anySatisfy(d -> assertThat(d.json().path("title").asString()).isEqualTo("chatpulse – Supervisor"));
    }

    @Test
    void everyPanelQueriesTheProvisionedDatasourceWithRawSql() {
        for (Dashboard dashboard : Provisioning.dashboards()) {
            Set<Integer> panelIds = new HashSet<>();
            assertThat(dashboard.panels()).as(dashboard.file().toString()).isNotEmpty();
            for (JsonNode panel : dashboard.panels()) {
                String where = dashboard.file().getFileName() + " panel '" + panel.path("title").asString() + "'";
                assertThat(panelIds.add(panel.path("id").asInt(-1))).as(where + " has a unique id").isTrue();
                assertThat(panel.path("type").asString("")).as(where + " type").isNotBlank();
                assertThat(panel.path("gridPos").path("w").asInt()).as(where + " gridPos").isPositive();
                assertResolves(panel.path("datasource"), where);
                assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(refIds.add(target.path("refId").asString(""))).as(where + " unique refId").isTrue();
                    assertThat(target.path("rawSql").asString("")).as(where + " rawSql").isNotBlank();
                    assertThat(target.path("editorType").asString("sql")).as(where + " editorType").isEqualTo("sql");
                    if (target.has("datasource")) {
                        assertResolves(target.path("datasource"), where + " target");
                    }
                }
            }
        }
    }

    @Test
    void everyQueryVariableHasSqlAndUsesTheProvisionedDatasource() {
        for (Dashboard dashboard : Provisioning.dashboards()) {
            assertThat(dashboard.variables()).extracting(v -> v.path("name").asString()).doesNotHaveDuplicates();
            for (JsonNode variable : dashboard.variables()) {
                if ("query".equals(variable.path("type").asString())) {
                    String where = dashboard.file().getFileName() + " variable " + variable.path("name").asString();
                    assertResolves(variable.path("datasource"), where);
                    assertThat(Provisioning.variableSql(variable)).as(where).isNotBlank();
                }
            }
        }
        Dashboard supervisor = Provisioning.dashboards().stream()
                .filter(d -> d.uid().equals("chatpulse-supervisor")).findFirst().orElseThrow();
        assertThat(supervisor.variables()).extracting(v -> v.path("name").asString()).contains("queue");
    }

    /**
     * The tenant is the datasource's user, not a choice: no tenant variable, no tenant in a link,
     * and the views get {@code tenant = currentUser()}, which a URL cannot change.
     */
    @Test
    void noDashboardLetsTheViewerChooseATenant() {
        assertThat(Provisioning.dashboards()).extracting(Dashboard::uid).contains("chatpulse-supervisor",
                "chatpulse-agents", "chatpulse-quality", "chatpulse-operations");
        Pattern chosenTenant = Pattern.compile("\\$\\{?tenant|tenant_id\\s*(=|!=|IN\\b)|tenant\\s*=\\s*+(?!currentUser\\(\\))");
        for (Dashboard dashboard : Provisioning.dashboards()) {
            assertThat(dashboard.variables()).as(dashboard.file().toString()).extracting(v -> v.path("name").asString())
                    .doesNotContain("tenant");
            String text = dashboard.json().toString();
            Matcher m = chosenTenant.matcher(text);
            if (m.find()) {
                fail(dashboard.file() + " names a tenant: " + text.substring(Math.max(0, m.start() - 60), m.end()));
            }
        }
    }

    /**
     * Each tenant's Grafana organization has the datasource the dashboards name, as that tenant's
     * reader, its password from Grafana's environment; the demo files are what the tenant command
     * prints for demo in organization 1.
     */
    @Test
    void everyOrganizationReadsAsItsTenantsReader() {
        Map<Integer, String> readerOfOrg = new HashMap<>();
        for (JsonNode ds : Provisioning.datasources()) {
            String user = ds.path("jsonData").path("username").asString("");
            assertThat(user).as("datasource user").isNotIn("", "default", "chatpulse").doesNotContain("$");
            assertThat(ds.path("secureJsonData").path("password").asString())
                    .isEqualTo("${" + new TenantReader(user, "-").passwordVariable() + "}");
            assertThat(readerOfOrg.put(ds.path("orgId").asInt(1), user)).as("one tenant per organization").isNull();
        }
        Provisioning.dashboardProviderFiles().forEach(file -> file.path("providers").forEach(provider ->
                assertThat(readerOfOrg).as("organization of provider " + provider.path("name").asString())
                        .containsKey(provider.path("orgId").asInt(1))));

        TenantReader demo = new TenantReader("demo", "-");
        assertThat(Provisioning.datasourceFiles()).contains(YAML.readTree(GrafanaProvisioning.datasource(demo, 1)));
        assertThat(Provisioning.dashboardProviderFiles()).contains(YAML.readTree(GrafanaProvisioning.dashboards(demo, 1)));
    }

    @Test
    void panelsDoNotOverlap() {
        for (Dashboard dashboard : Provisioning.dashboards()) {
            List<JsonNode> panels = dashboard.panels();
            for (int i = 0; i < panels.size(); i++) {
                for (int j = i + 1; j < panels.size(); j++) {
                    JsonNode a = panels.get(i).path("gridPos");
                    JsonNode b = panels.get(j).path("gridPos");
                    boolean overlap = a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                            && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                            && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                            && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
                    assertThat(overlap).as(dashboard.file().getFileName() + ": '" + panels.get(i).path("title").asString()
                            + "' and '" + panels.get(j).path("title").asString() + "' overlap").isFalse();
                    assertThat(a.path("x").asInt() + a.path("w").asInt()).as("within 24 columns").isLessThanOrEqualTo(24);
                }
            }
        }
    }

    /** Drill-down links open a provisioned dashboard or metrics-api, with variables that exist. */
    @Test
    void dataLinksPointAtProvisionedDashboardsAndKnownVariables() {
        Set<String> uids = new HashSet<>();
        Provisioning.dashboards().forEach(d -> uids.add(d.uid()));
        Pattern reference = Pattern.compile("\\$\\{([\\w.]+)(?::[^}]*)?}");
        Set<String> builtIn = Set.of("__value.raw", "__value.text", "__from", "__to", "__url_time_range");
        int links = 0;
        for (Dashboard dashboard : Provisioning.dashboards()) {
            Set<String> variables = new HashSet<>();
            dashboard.variables().forEach(v -> variables.add(v.path("name").asString()));
            for (JsonNode panel : dashboard.panels()) {
                List<JsonNode> found = new ArrayList<>();
                panel.path("fieldConfig").path("overrides").forEach(o -> o.path("properties").forEach(p -> {
                    if ("links".equals(p.path("id").asString())) {
                        p.path("value").forEach(found::add);
                    }
                }));
                panel.path("fieldConfig").path("defaults").path("links").forEach(found::add);
                for (JsonNode link : found) {
                    String url = link.path("url").asString("");
                    String where = dashboard.file().getFileName() + " '" + panel.path("title").asString() + "' link " + url;
                    assertThat(link.path("title").asString("")).as(where).isNotBlank();
                    assertThat(url.startsWith("/d/") || url.startsWith("${metrics_api}/api/v1/")).as(where).isTrue();
                    if (url.startsWith("/d/")) {
                        assertThat(url.substring(3).split("[/?]")[0]).as(where).isIn(uids);
                    }
                    Matcher m = reference.matcher(url);
                    while (m.find()) {
                        String name = m.group(1);
                        assertThat(builtIn.contains(name) || variables.contains(name) || name.startsWith("__data.fields."))
                                .as(where + ": ${" + name + "}").isTrue();
                    }
                    links++;
                }
            }
        }
        assertThat(links).as("drill-down links").isPositive();
    }

    private static void assertResolves(JsonNode datasource, String where) {
        Set<String> provisioned = new HashSet<>();
        Provisioning.datasources().forEach(ds -> provisioned.add(ds.path("uid").asString()));
        assertThat(datasource.isObject()).as(where + " datasource is {type, uid}").isTrue();
        assertThat(datasource.path("uid").asString("")).as(where + " datasource uid").isIn(provisioned);
        assertThat(datasource.path("type").asString("")).as(where + " datasource type").isEqualTo(PLUGIN);
    }
}
