package io.chatpulse.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Judges one answer to a hostile request: a 4xx problem naming the reason, or a harmless 2xx; never worse. */
final class ProbeCheck {

    private ProbeCheck() {
    }

    /** What is wrong with {@code reply} to {@code probe}, or null if nothing is. */
    static String violation(Probe probe, Http.Reply reply, Set<String> foreignMarkers) {
        if (reply.status() < 0) {
            return "no HTTP answer: " + reply.body();
        }
        String leaked = foreignMarkers.stream().filter(reply.body()::contains).findFirst().orElse(null);
        if (leaked != null) {
            return "answer shows another tenant's " + leaked;
        }
        if (reply.status() / 100 == 2) {
            return probe.mayAccept() ? null : "accepted with " + reply.status() + ": " + shorten(reply.body());
        }
        if (reply.status() / 100 != 4) {
            return "answered " + reply.status() + ": " + shorten(reply.body());
        }
        return problemDetailsViolation(reply);
    }

    /** RFC 9457: the media type, the status repeated, and a reason (detail, or errors naming field and reason). */
    private static String problemDetailsViolation(Http.Reply reply) {
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return reply.status() + " as " + type + " instead of problem details: " + shorten(reply.body());
        }
        JsonNode problem = reply.json();
        boolean namesReason = !problem.path("detail").asText("").isBlank() || !problem.path("errors").isEmpty();
        if (problem.path("status").asInt() != reply.status() || !namesReason) {
            return reply.status() + " problem without status or reason: " + shorten(reply.body());
        }
        return null;
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
