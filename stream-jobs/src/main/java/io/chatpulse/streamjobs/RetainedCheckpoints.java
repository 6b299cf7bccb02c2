package io.chatpulse.streamjobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint that a job left in a local checkpoint folder
 * ({@code <dir>/<job id>/chk-<n>/_metadata}). A MiniCluster has no high availability to resume a
 * job after its JVM stopped; restoring from this checkpoint keeps the open clocks (a customer still
 * waiting, an agent episode under way) across a restart of the local runner.
 */
final class RetainedCheckpoints {

    private RetainedCheckpoints() {
    }

    /** @param checkpointDir a {@code file:} URI or a plain path */
    static Optional<Path> latest(String checkpointDir) {
        Path root = localPath(checkpointDir);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(root)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(RetainedCheckpoints::completeCheckpoints)
                    .max(Comparator.comparing(RetainedCheckpoints::completedAt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for checkpoints in " + root, e);
        }
    }

    private static Stream<Path> completeCheckpoints(Path jobDir) {
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static FileTime completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A plain path or a {@code file:} URI. */
    static boolean isLocal(String checkpointDir) {
        return checkpointDir.startsWith("file:") || !checkpointDir.contains(":");
    }

    private static Path localPath(String checkpointDir) {
        if (checkpointDir.contains("://") || checkpointDir.startsWith("file:")) {
            URI uri = URI.create(checkpointDir);
            if (!"file".equals(uri.getScheme())) {
                throw new IllegalArgumentException("RESTORE_FROM=latest needs a local CHECKPOINT_DIR (file:...),"
                        + " not " + checkpointDir + "; give the checkpoint's path instead");
            }
            return Path.of(uri);
        }
        return Path.of(checkpointDir);
    }
}
