package io.chatpulse.e2e.fault;

import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.util.Map;

/** One embedded stack per fault test class: free ports, its own data folder, no simulator. */
final class FaultStack {

    private FaultStack() {
    }

    static LocalStack start(String name) {
        return start(name, Map.of());
    }

    /** {@code extraEnvironment}: more environment per application name (e.g. a second tenant's key). */
    static LocalStack start(String name, Map<String, Map<String, String>> extraEnvironment) {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/fault-" + name + "-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        return LocalStack.start(settings, extraEnvironment, System.out);
    }

    static String chatCore(LocalStack stack) {
        return "http://127.0.0.1:" + stack.settings().chatCorePort();
    }

    static String metricsApi(LocalStack stack) {
        return "http://127.0.0.1:" + stack.settings().metricsApiPort();
    }

    static void stop(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
    }
}
