package io.chatpulse.e2e.fault;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One hostile request and what it may get. {@code mayAccept}: the request is hostile in spirit but
 * valid in form (an injection string as a free-text queue name or filter value), so a 2xx that
 * shows nothing of another tenant is a correct answer; everything else must be refused with a 4xx.
 */
record Probe(String name, String method, String url, Map<String, String> headers, byte[] body, boolean mayAccept) {

    static Probe refused(String name, String method, String url, Map<String, String> headers, String body) {
        return new Probe(name, method, url, headers, bytes(body), false);
    }

    static Probe tolerated(String name, String method, String url, Map<String, String> headers, String body) {
        return new Probe(name, method, url, headers, bytes(body), true);
    }

    /** The caller's key plus a JSON content type. */
    static Map<String, String> json(String apiKey) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        headers.put("X-Api-Key", apiKey);
        return headers;
    }

    static Map<String, String> key(String apiKey) {
        return Map.of("X-Api-Key", apiKey);
    }

    Probe withBody(byte[] raw) {
        return new Probe(name, method, url, headers, raw, mayAccept);
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String shownUrl = url.length() > 160 ? url.substring(0, 160) + "..." : url;
        return name + " [" + method + " " + shownUrl + (body == null ? "" : ", " + body.length + " bytes") + "]";
    }
}
