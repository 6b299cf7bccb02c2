package io.chatpulse.schema.tenant;

/**
 * A tenant's Grafana organization: the ClickHouse datasource as the tenant's reader (password
 * from Grafana's environment) and the chatpulse dashboards. Datasource uids are per organization,
 * so every organization's datasource keeps the uid the dashboards name.
 */
public final class GrafanaProvisioning {

    private GrafanaProvisioning() {
    }

    /** For dashboards/provisioning/datasources/tenant-<tenant>.yaml. */
    public static String datasource(TenantReader reader, int orgId) {
        return """
                apiVersion: 1

                datasources:
                  - name: ClickHouse (%1$s)
                    uid: chatpulse-clickhouse
                    orgId: %2$d
                    type: grafana-clickhouse-datasource
                    access: proxy
                    isDefault: true
                    editable: false
                    jsonData:
                      protocol: http
                      host: ${CLICKHOUSE_HOST}
                      port: 8123
                      secure: false
                      username: %1$s
                      defaultDatabase: default
                    secureJsonData:
                      password: ${%3$s}
                """.formatted(reader.tenant(), orgId, reader.passwordVariable());
    }

    /** For dashboards/provisioning/dashboards/tenant-<tenant>.yaml. */
    public static String dashboards(TenantReader reader, int orgId) {
        return """
                apiVersion: 1

                providers:
                  - name: chatpulse-%1$s
                    orgId: %2$d
                    folder: chatpulse
                    type: file
                    disableDeletion: true
                    allowUiUpdates: false
                    updateIntervalSeconds: 30
                    options:
                      path: /var/lib/grafana/dashboards/chatpulse
                      foldersFromFilesStructure: false
                """.formatted(reader.tenant(), orgId);
    }
}
