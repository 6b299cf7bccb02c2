package io.chatpulse.localstack.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The users of the embedded engine: clickhouse-local's own default user (no password, all rights,
 * what every component connects as), plus every file in {@code users.d/} next to it, where
 * {@code ./chatpulse tenant add-reader} puts each tenant's read-only user and row policies.
 * clickhouse-local keeps users only in a users.xml storage: it has no SQL-driven (writable) access
 * storage, so CREATE USER and CREATE ROW POLICY fail, and it reads the files once, at start
 * (docs/decisions/0013-tenant-walls-in-clickhouse.md).
 */
final class EngineUsers {

    static final String USERS_DIR = "users.d";

    // The same default user as clickhouse-local's built-in one (programs/local/LocalServer.cpp).
    private static final String USERS_XML = """
            <clickhouse>
                <profiles><default/></profiles>
                <quotas><default/></quotas>
                <users>
                    <default>
                        <password></password>
                        <networks><ip>::/0</ip></networks>
                        <profile>default</profile>
                        <quota>default</quota>
                        <named_collection_control>1</named_collection_control>
                    </default>
                </users>
            </clickhouse>
            """;

    private EngineUsers() {
    }

    /** Writes the engine's config.xml and users.xml under {@code dataDir}; returns the config file. */
    static Path writeConfig(Path dataDir) {
        Path users = dataDir.resolve("users.xml");
        Path config = dataDir.resolve("config.xml");
        try {
            Files.createDirectories(dataDir.resolve(USERS_DIR));
            Files.writeString(users, USERS_XML);
            Files.writeString(config, "<clickhouse>\n    <user_directories>\n        <users_xml><path>" + users
                    + "</path></users_xml>\n    </user_directories>\n</clickhouse>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the engine's configuration under " + dataDir, e);
        }
        return config;
    }
}
