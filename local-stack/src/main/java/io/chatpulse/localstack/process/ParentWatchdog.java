package io.chatpulse.localstack.process;

import java.time.Duration;

/**
 * Ends a child JVM when the process that started it is gone, so a killed runner or test JVM
 * leaves no broker or database behind. Exit runs the child's own shutdown hooks.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void exitWhenParentDies() {
        whenParentDies(() -> { });
    }

    /**
     * As {@link #exitWhenParentDies()}, but halts the JVM if its shutdown hooks have not finished
     * within {@code limit}: a node of a Kafka cluster whose siblings ended with the same parent
     * waits minutes in its shutdown for a controller quorum that is gone.
     */
    public static void exitWhenParentDies(Duration limit) {
        whenParentDies(() -> haltAfter(limit));
    }

    private static void whenParentDies(Runnable beforeExit) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("chatpulse: parent process " + parent.pid() + " ended, stopping");
            beforeExit.run();
            System.exit(0);
        }));
    }

    private static void haltAfter(Duration limit) {
        Thread halt = new Thread(() -> {
            ChildProcess.pause(limit.toMillis());
            System.err.println("chatpulse: shutdown not done within " + limit + ", halting");
            Runtime.getRuntime().halt(1);
        }, "parent-watchdog-halt");
        // A daemon thread runs on while the shutdown hooks do, and never holds the JVM up itself.
        halt.setDaemon(true);
        halt.start();
    }
}
