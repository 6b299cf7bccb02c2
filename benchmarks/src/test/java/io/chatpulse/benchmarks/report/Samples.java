package io.chatpulse.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Outputs of real quick runs ({@code ./chatpulse bench all --quick}), kept as test resources. */
final class Samples {

    private Samples() {
    }

    static Path path(String file) {
        try {
            return Path.of(Samples.class.getResource(file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String file) {
        try {
            return Files.readString(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
