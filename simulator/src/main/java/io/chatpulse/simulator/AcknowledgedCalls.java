package io.chatpulse.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every changing call chat-core acknowledged (2xx), one line each, for a test that checks them
 * afterwards against what Kafka holds: chat-core derives the call's event ids from its
 * Idempotency-Key and puts the key in the headers of each record it writes. A line is
 * {@code kind TAB subject TAB idempotency-key TAB status}, where kind is open, message, assignment,
 * resolution, csat, abandonment or agent-status and subject the conversation (or agent) id. Each line
 * is flushed as it is written, so a simulator killed mid-run leaves every acknowledgement it had.
 */
public final class AcknowledgedCalls implements AutoCloseable {

    private static final Pattern CONVERSATION_CALL = Pattern.compile("/api/v1/conversations/([^/]+)/(\\w+)");
    private static final Pattern AGENT_STATUS = Pattern.compile("/api/v1/agents/([^/]+)/status");

    private final BufferedWriter out;

    private AcknowledgedCalls(BufferedWriter out) {
        this.out = out;
    }

    /** Records nothing: the simulator run without the option. */
    public static AcknowledgedCalls none() {
        return new AcknowledgedCalls(null);
    }

    /** Appends to {@code file}, creating it if needed. */
    public static AcknowledgedCalls appendingTo(Path file) {
        try {
            return new AcknowledgedCalls(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the call's line if chat-core acknowledged it and it is a call that changes something. */
    void record(String method, String path, String idempotencyKey, ChatCoreClient.Reply reply) {
        if (out == null || !reply.ok() || idempotencyKey == null) {
            return;
        }
        line(method, path, idempotencyKey, reply).ifPresent(this::write);
    }

    /** The line of an acknowledged call; empty for a call that is not one of chat-core's changes. */
    static Optional<String> line(String method, String path, String idempotencyKey, ChatCoreClient.Reply reply) {
        String kind;
        String subject;
        Matcher conversation = CONVERSATION_CALL.matcher(path);
        Matcher agent = AGENT_STATUS.matcher(path);
        if (method.equals("POST") && path.equals("/api/v1/conversations")) {
            kind = "open";
            subject = reply.field("conversationId").orElse("");
        } else if (method.equals("POST") && conversation.matches()) {
            kind = conversation.group(2).equals("messages") ? "message" : conversation.group(2);
            subject = conversation.group(1);
        } else if (method.equals("PUT") && agent.matches()) {
            kind = "agent-status";
            subject = agent.group(1);
        } else {
            return Optional.empty();
        }
        return Optional.of(String.join("\t", kind, subject, idempotencyKey, String.valueOf(reply.status())));
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.newLine();
            // To the operating system at once: a SIGKILL of this JVM then loses none of it.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an acknowledged call", e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
