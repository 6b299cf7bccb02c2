package io.chatpulse.localstack.flink;

import io.chatpulse.localstack.process.WatchedMain;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** A child JVM's classpath: {@link WatchedMain} (ends the child with its parent) in front of a folder of jars. */
final class WatchedClasspath {

    private WatchedClasspath() {
    }

    static String of(Path jarFolder) {
        try {
            Path watchdog = Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return watchdog + File.pathSeparator + jarFolder.resolve("*");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
