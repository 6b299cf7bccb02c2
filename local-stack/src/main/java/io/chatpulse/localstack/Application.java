package io.chatpulse.localstack;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.WatchedMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * One of the project's own components as the runner starts it: its built jar(s), main class,
 * heap and environment. Each runs in its own JVM behind {@link WatchedMain}.
 */
public record Application(String name, List<Path> classpath, String mainClass, String heap,
                   Map<String, String> env, List<String> args) {

    private static final String AVRO_TRUST = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events";

    /** An executable jar (Spring Boot or shaded): its manifest names the main class. */
    public static Application executableJar(Path home, String module, String heap, Map<String, String> env, List<String> args) {
        Path jar = builtJar(home, module);
        return new Application(module, List.of(jar), mainClassOf(jar), heap, env, args);
    }

    /** A jar whose dependencies were copied to {@code target/lib} at package time. */
    public static Application withLibs(Path home, String module, String mainClass, String heap, Map<String, String> env) {
        return new Application(module, List.of(builtJar(home, module),
                home.resolve(module).resolve("target").resolve("lib").resolve("*")), mainClass, heap, env, List.of());
    }

    /** The same application under another name: its log file and the name the runner reports. */
    public Application renamed(String newName) {
        return new Application(newName, classpath, mainClass, heap, env, args);
    }

    public Application withExtraEnvironment(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        return new Application(name, classpath, mainClass, heap, all, args);
    }

    public ChildProcess start(Path logDir) {
        List<String> entries = new ArrayList<>();
        entries.add(watchdogClasspath());
        classpath.forEach(p -> entries.add(p.toString()));
        List<String> args = new ArrayList<>();
        args.add(mainClass);
        args.addAll(this.args);
        List<String> command = ChildProcess.javaCommand(List.of("-Xmx" + heap, AVRO_TRUST),
                String.join(File.pathSeparator, entries), WatchedMain.class.getName(), args);
        return ChildProcess.exec(name, command, env, logDir.resolve(name + ".log"));
    }

    private static Path builtJar(Path home, String module) {
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./chatpulse build)");
        }
        return jar;
    }

    private static String mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException(jar + " names no Main-Class in its manifest");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static String watchdogClasspath() {
        try {
            return Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
