package io.chatpulse.localstack;

import io.chatpulse.localstack.process.ChildProcess;
import java.util.Optional;

/** What `chatpulse up` watches while a stack runs: it stops everything when one application dies. */
public interface RunningStack extends AutoCloseable {

    /** The first application process that has ended, if any. */
    Optional<ChildProcess> firstDeadApplication();

    /** Stops everything, newest first. */
    @Override
    void close();
}
