package io.chatpulse.e2e.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Requests no endpoint serves, the same for every service: unknown paths and methods, oversized headers. */
final class UnknownRequests {

    private UnknownRequests() {
    }

    /** {@code collection}, {@code item}: two paths that exist for GET, to be asked with other methods. */
    static List<Probe> of(String baseUrl, String apiKey, String collection, String item) {
        List<Probe> probes = new ArrayList<>();
        for (String path : List.of("/api/v1/nothing-here", "/api/v2/conversations", item + "/nothing-here",
                "/actuator/env", "/actuator/heapdump", "/api/v1/%2e%2e/%2e%2e/etc/passwd")) {
            probes.add(Probe.refused("unknown path", "GET", baseUrl + path, Probe.key(apiKey), null));
        }
        for (String method : List.of("DELETE", "PATCH", "PUT", "POST", "FOO", "PROPFIND")) {
            probes.add(Probe.refused("unsupported method", method, baseUrl + collection, Probe.json(apiKey), "{}"));
        }
        probes.add(Probe.refused("unsupported method", "DELETE", baseUrl + item, Probe.key(apiKey), null));
        probes.add(Probe.refused("20 KB header", "GET", baseUrl + collection,
                Map.of("X-Api-Key", apiKey, "X-Comment", "h".repeat(20_000)), null));
        probes.add(Probe.refused("20 KB key", "GET", baseUrl + collection, Map.of("X-Api-Key", "k".repeat(20_000)), null));
        probes.add(Probe.refused("20 KB query", "GET", baseUrl + collection + "?q=" + "q".repeat(20_000),
                Probe.key(apiKey), null));
        return probes;
    }
}
