package io.chatpulse.localstack;

import io.chatpulse.localstack.process.ChildProcess;
import java.nio.file.Path;
import java.util.Optional;

/** What `chatpulse up` watches while a stack runs: it stops everything when one application dies. */
public interface RunningStack extends AutoCloseable {

    /** The first application process that has ended, if any. */
    Optional<ChildProcess> firstDeadApplication();

    /** The file alerting appends the demo tenants' pages to ({@link DemoChannel}), unless routes are configured. */
    Optional<Path> demoChannelFile();

    /** Stops everything, newest first. */
    @Override
    void close();
}
