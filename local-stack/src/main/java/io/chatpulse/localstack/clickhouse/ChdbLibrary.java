package io.chatpulse.localstack.clickhouse;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds chDB's libchdb.so (a current ClickHouse engine as a library), fetching it once from the
 * npm registry into a cache outside the repository. See docs/decisions/0002-chdb-embedded-clickhouse.md.
 */
public final class ChdbLibrary {

    public static final String NPM_PACKAGE = "@chdb/lib-linux-x64-gnu";
    public static final String VERSION = "26.7.3-stable.1";

    private ChdbLibrary() {
    }

    /** {@code CHATPULSE_CHDB_LIB} if set, else the cached copy, fetched now if missing. */
    public static Path ensureInstalled() {
        String explicit = System.getenv("CHATPULSE_CHDB_LIB");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("CHATPULSE_CHDB_LIB points at " + path + ", which is not a file");
            }
            return path;
        }
        Path dir = cacheDir().resolve("chdb").resolve(VERSION);
        Path library = dir.resolve("libchdb.so");
        if (Files.isRegularFile(library)) {
            return library;
        }
        try (FolderLock ignored = FolderLock.acquireWaiting(dir.resolve(".install.lock"))) {
            if (!Files.isRegularFile(library)) {
                fetch(dir, library);
            }
        }
        return library;
    }

    /** {@code CHATPULSE_CACHE}, else {@code $XDG_CACHE_HOME/chatpulse}, else {@code ~/.cache/chatpulse}. */
    public static Path cacheDir() {
        String explicit = System.getenv("CHATPULSE_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("chatpulse");
    }

    private static void fetch(Path dir, Path library) {
        System.err.printf("chatpulse: fetching the ClickHouse engine (npm %s@%s, about 180 MB) into %s, once%n",
                NPM_PACKAGE, VERSION, dir);
        Path work = dir.resolve("download");
        try {
            deleteRecursively(work);
            Files.createDirectories(work);
            Path log = work.resolve("fetch.log");
            ChildProcess.exec("npm pack " + NPM_PACKAGE, List.of("npm", "pack", NPM_PACKAGE + "@" + VERSION,
                    "--pack-destination", work.toString()), log).awaitSuccess(Duration.ofMinutes(15));
            Path tarball;
            try (Stream<Path> files = Files.list(work)) {
                tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack left no tarball in " + work));
            }
            ChildProcess.exec("tar", List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(),
                    "package/libchdb.so"), log).awaitSuccess(Duration.ofMinutes(5));
            Files.move(work.resolve("package/libchdb.so"), library, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(work);
            System.err.println("chatpulse: ClickHouse engine ready at " + library);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install chDB into " + dir, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code install}: fetch the library now (the set-up script calls this). */
    public static void main(String[] args) {
        System.out.println(ensureInstalled());
    }
}
