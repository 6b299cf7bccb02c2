package io.chatpulse.localstack.process;

/**
 * Ends a child JVM when the process that started it is gone, so a killed runner or test JVM
 * leaves no broker or database behind. Exit runs the child's own shutdown hooks.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("chatpulse: parent process " + parent.pid() + " ended, stopping");
            System.exit(0);
        }));
    }
}
