package io.chatpulse.streamjobs.ingest;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 reads generated classes only from trusted packages. The usual switch is the system
 * property {@code org.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events}, but a Flink task
 * manager's JVM options are not the job's to set; trusting the contract's package in-process, in
 * every operator that reads events, makes the job run on any cluster as it does locally.
 */
public final class TrustedEventClasses {

    private static final String EVENTS_PACKAGE = "io.chatpulse.events.";

    private TrustedEventClasses() {
    }

    public static synchronized void install() {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current instanceof EventsPackage) {
            return;
        }
        ClassSecurityValidator.setGlobal(new EventsPackage(current));
    }

    private record EventsPackage(ClassSecurityValidator.ClassSecurityPredicate others)
            implements ClassSecurityValidator.ClassSecurityPredicate {
        @Override
        public boolean isTrusted(Class<?> type) {
            return type.getName().startsWith(EVENTS_PACKAGE) || others.isTrusted(type);
        }

        @Override
        public void forbiddenClass(String className) {
            others.forbiddenClass(className);
        }
    }
}
