package io.chatpulse.localstack.process;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class under a {@link ParentWatchdog}, so a component started by the local
 * runner ends with it even when the runner itself is killed. Arguments: MAIN_CLASS [ARGS...].
 * Needs only the JDK, so it can sit in front of any application's classpath.
 */
public final class WatchedMain {

    private WatchedMain() {
    }

    public static void main(String[] args) throws Throwable {
        ParentWatchdog.exitWhenParentDies();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
